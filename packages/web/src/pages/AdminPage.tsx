export function AdminPage() {
  return <div>TODO</div>;
}
