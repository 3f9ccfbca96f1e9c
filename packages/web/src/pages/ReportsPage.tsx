export function ReportsPage() {
  return <div>TODO</div>;
}
