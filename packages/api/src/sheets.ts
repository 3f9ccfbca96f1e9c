/** Tables as downloadable files: XLSX (exceljs, one sheet each) or CSV with a BOM (Excel opens it as UTF-8). */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A sheet of cells (first row = header); optional column widths and number formats. */
export type SheetData = {
  name: string;
  rows: readonly (readonly unknown[])[];
  /** Column widths in characters (default 18). */
  widths?: readonly number[];
  /** Excel number formats by column (e.g. '0.00', '0.0%'); undefined leaves the default. */
  numberFormats?: readonly (string | undefined)[];
};

/** CSV text with a UTF-8 BOM of the first sheet. */
export function toCsv(sheet: SheetData): string {
  const rows = sheet.rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)));
  return `\uFEFF${stringify(rows as unknown[][])}`;
}

/** An XLSX workbook with bold, frozen headers. */
export async function toXlsx(sheets: readonly SheetData[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
    for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? undefined : v)));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.columns.forEach((c, i) => {
      c.width = sheet.widths?.[i] ?? 18;
      const format = sheet.numberFormats?.[i];
      if (format) c.numFmt = format;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment; filename*=UTF-8''…` for a (possibly Chinese) file name. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
