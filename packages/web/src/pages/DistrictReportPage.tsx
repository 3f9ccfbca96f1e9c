export function DistrictReportPage() {
  return <div>TODO</div>;
}
