/**
 * Streaming decode (流式解析) of a table file: the same table as {@link decodeTable} on the same
 * bytes, read chunk by chunk so a CSV's whole text is never held beside its bytes and a caller
 * can stop an upload at a size limit while it arrives.
 */
import { parse } from 'csv-parse';
import {
  type CsvRecord,
  CsvTableBuilder,
  csvParseOptions,
  csvSyntaxError,
  type DecodedTable,
  type DecodeTableOptions,
  decodeTable,
  delimiterOf,
  encodingOf,
  hasUndecodable,
  isZip,
  undecodableError,
} from './readTable.ts';

/** Bytes arriving in chunks: a Node `Readable` (file or multipart part) or any async iterable. */
export type TableByteStream = AsyncIterable<Uint8Array>;

/**
 * Decode a table file from a stream of byte chunks; throws {@link TableFileError} like
 * {@link decodeTable}, and whatever the stream throws (a size limit, say) as it is.
 *
 * CSV/TSV is decoded as it arrives: a UTF-16 LE byte-order mark selects UTF-16; otherwise the
 * text is decoded as UTF-8 (`TextDecoder` fatal, streaming) and fed to csv-parse's stream with
 * the options of `decodeTable`. The bytes are kept while UTF-8 is still unproven, because a
 * GBK file (Chinese Excel's CSV) can look like UTF-8 for many lines: at the first invalid byte
 * decoding restarts from the beginning as GB18030. XLSX is collected (the caller's limit still
 * applies as it arrives) and read with exceljs's buffered reader: exceljs 4.4's streaming reader
 * writes every worksheet stored before `xl/sharedStrings.xml` to a temporary file on disk, and
 * Excel typically stores the shared strings after the worksheets, so an upload would touch disk.
 */
export async function decodeTableStream(
  stream: TableByteStream,
  options: DecodeTableOptions,
): Promise<DecodedTable> {
  if (options.format === 'xlsx') return decodeTable(await collect(stream), options);
  return decodeCsvStream(stream, delimiterOf(options.format), options.strictEncoding);
}

async function collect(stream: TableByteStream): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Thrown inside the UTF-8 attempt to restart as GB18030. */
class NotUtf8 extends Error {}

type Encoding = NonNullable<DecodedTable['encoding']>;

async function decodeCsvStream(
  stream: TableByteStream,
  delimiter: string,
  strict?: boolean,
): Promise<DecodedTable> {
  const chunks = stream[Symbol.asyncIterator]();
  try {
    return await decodeCsvChunks(chunks, delimiter, strict);
  } finally {
    // Stops a stream left unread by an error (a Node stream is destroyed, its source released).
    await chunks.return?.();
  }
}

async function decodeCsvChunks(
  chunks: AsyncIterator<Uint8Array>,
  delimiter: string,
  strict?: boolean,
): Promise<DecodedTable> {
  // Enough bytes to see a byte-order mark and a ZIP signature (the checks `decodeText` and the
  // strict check make on the whole file).
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < 4) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const first = Buffer.concat(head);
  if (strict && isZip(first)) throw undecodableError();
  // Without `return`, so that abandoning the UTF-8 attempt leaves the stream open for GB18030.
  const rest: AsyncIterable<Uint8Array> = {
    [Symbol.asyncIterator]: () => ({ next: () => chunks.next() }),
  };
  const source = ended ? [first] : prepend(first, rest);
  if (first[0] === 0xff && first[1] === 0xfe) {
    return decodeCsvText(source, 'utf-16le', delimiter, strict);
  }
  const kept: Uint8Array[] = [];
  try {
    return await decodeCsvText(keep(source, kept), 'utf-8', delimiter, strict);
  } catch (error) {
    if (!(error instanceof NotUtf8)) throw error;
  }
  // The bytes read so far, then the rest of the stream (the UTF-8 attempt stopped reading).
  return decodeCsvText(
    ended ? kept : prepend(Buffer.concat(kept), rest),
    'gb18030',
    delimiter,
    strict,
  );
}

async function* prepend(
  first: Uint8Array,
  rest: AsyncIterable<Uint8Array>,
): AsyncIterable<Uint8Array> {
  yield first;
  yield* rest;
}

async function* keep(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  kept: Uint8Array[],
): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    kept.push(chunk);
    yield chunk;
  }
}

/**
 * Decode and parse CSV text from byte chunks in one encoding. A CSV syntax error stops the
 * parser but not the decoding: as in `decodeTable`, an undecodable file (or, for UTF-8, a
 * restart as GB18030) takes precedence over a syntax error.
 */
async function decodeCsvText(
  source: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  encoding: Encoding,
  delimiter: string,
  strict?: boolean,
  table = new CsvTableBuilder(),
  afterChunk?: () => void,
): Promise<DecodedTable> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  // Undecodable text in UTF-8 may still become valid GB18030, so that verdict waits for the end.
  const final = encoding !== 'utf-8';
  let undecodable = false;
  const parser = parse(csvParseOptions(delimiter));
  let parseError: unknown;
  parser.on('data', (record: CsvRecord) => table.add(record));
  parser.on('error', (error) => {
    parseError ??= error;
  });
  const ended = new Promise<void>((resolve) => {
    for (const event of ['end', 'error', 'close']) parser.on(event, () => resolve());
  });

  const feed = async (text: string) => {
    if (strict && hasUndecodable(text)) {
      if (final) throw undecodableError();
      undecodable = true;
    }
    if (text === '' || parseError !== undefined || parser.destroyed) return;
    if (!parser.write(text)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          for (const event of ['drain', 'error', 'close']) parser.off(event, done);
          resolve();
        };
        for (const event of ['drain', 'error', 'close']) parser.on(event, done);
      });
    }
  };
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      // Only the fatal UTF-8 decoder throws.
      throw new NotUtf8();
    }
  };

  try {
    for await (const chunk of source) {
      await feed(decode(chunk));
      afterChunk?.();
    }
    await feed(decode());
  } catch (error) {
    parser.destroy();
    throw error;
  }
  if (strict && undecodable) {
    parser.destroy();
    throw undecodableError();
  }
  if (parseError === undefined && !parser.destroyed) parser.end();
  await ended;
  if (parseError !== undefined) throw csvSyntaxError(parseError);
  return { encoding, ...table.finish() };
}

/** A table whose rows are handed out while it is parsed; see `ImportTable.more`. */
export type IncrementalTable = DecodedTable & { more?: () => Promise<boolean> };

/** Bytes parsed between two turns of the event loop by {@link decodeTableIncrementally}. */
const SLICE_BYTES = 256 * 1024;

async function* slices(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += SLICE_BYTES) {
    yield bytes.subarray(i, i + SLICE_BYTES);
    // A full turn of the event loop, so that I/O (a database's answers) is not held up.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Decode a table from bytes already in memory, handing its rows out as they are parsed (逐行读取):
 * resolves once the header is read, with `rows` and `rowNumbers` that grow and `more()`, so an
 * import can check and write the first rows while the rest are parsed. The table is the one
 * {@link decodeTable} gives. The encoding is settled from all the bytes before any row is given
 * out (`encodingOf`, as `decodeTable` decides), so no row is ever taken back. Errors found later in the file (CSV
 * syntax, undecodable text, with `strictEncoding`) reject `more()`. A header naming a column
 * twice is refused as soon as the header is read. XLSX is decoded whole.
 */
export async function decodeTableIncrementally(
  bytes: Uint8Array,
  options: DecodeTableOptions,
): Promise<IncrementalTable> {
  if (options.format === 'xlsx') return decodeTable(bytes, options);
  if (options.strictEncoding && isZip(bytes)) throw undecodableError();
  const encoding = encodingOf(bytes);
  const builder = new CsvTableBuilder();
  let waiters: (() => void)[] = [];
  const wake = () => {
    const woken = waiters;
    waiters = [];
    for (const w of woken) w();
  };
  const nextChunk = () => new Promise<void>((resolve) => waiters.push(resolve));
  let ended = false;
  const decoding = decodeCsvText(
    slices(bytes),
    encoding,
    delimiterOf(options.format),
    options.strictEncoding,
    builder,
    wake,
  ).finally(() => {
    ended = true;
    wake();
  });
  // Its failure is reported by `more()` (or below, before the header).
  decoding.catch(() => {});
  while (!builder.hasHeader() && !ended) await nextChunk();
  if (ended) return decoding;
  const live = builder.live();
  return {
    encoding,
    ...live,
    more: async () => {
      const seen = live.rows.length;
      while (!ended && live.rows.length === seen) await nextChunk();
      if (live.rows.length > seen) return true;
      await decoding;
      return false;
    },
  };
}
