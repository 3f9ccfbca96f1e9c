export function BureauAssessmentsPage() {
  return <div>TODO</div>;
}
