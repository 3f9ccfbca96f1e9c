export function CityReportPage() {
  return <div>TODO</div>;
}
