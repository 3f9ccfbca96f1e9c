export function AssessmentPage() {
  return <div>TODO</div>;
}
