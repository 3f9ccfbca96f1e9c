export function WorkbenchPage() {
  return <div>TODO</div>;
}
