import type { Application, Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import type { SharedLimiter } from '../limits/sharedLimiter.ts';
import type { CityClock } from '../services/usageCounts.ts';
import type { OpenDataLicence, OpenDataListing } from '../../../shared/protocol/openData.ts';
import type { OpenDataSet, OpenRow } from '../figures/openDataSets.ts';
import { MIN_PEOPLE, SUPPRESSED } from '../figures/suppression.ts';
import { MAX_RANGE_DAYS } from '../../../shared/protocol/figures.ts';
import { addDays } from '../../../shared/figures/days.ts';
import { toCsv } from '../../../shared/csv/writeCsv.ts';
import { requestAddress } from './clientAddress.ts';
import { readDayRange } from './dayRange.ts';
import { sendBadRequest, sendRefusal } from './refusals.ts';
import { DomainError } from '../domainError.ts';

const BASE = '/api/open-data';
/** Open data changes when a day ends, not by the minute: answers are kept this long, here and by caches. */
const CACHE_S = 300;
const DEFAULT_DAYS = 30;

const FileParam = z.strictObject({
  file: z.string().regex(/^[a-z][a-z-]{0,40}\.(csv|json)$/, 'a data set file is <id>.csv or <id>.json'),
});

interface Answer {
  type: string;
  body: string;
  filename?: string;
}

/**
 * Open data, public: `GET /api/open-data/` lists the data sets (columns, licence, suppression, links);
 * `GET /api/open-data/<id>.csv|json?from=&to=` gives one for complete city days (up to yesterday), with
 * every cell that counts 1–4 people written as x (CSV) or null (JSON). Limited per address, cached briefly.
 */
export function mountOpenDataRoutes(
  app: Application,
  deps: { sets: OpenDataSet[]; clock: CityClock; licence: OpenDataLicence; requests: SharedLimiter },
): void {
  const cache = new LRUCache<string, Answer>({ max: 200, ttl: CACHE_S * 1000 });

  /** Counts the request; false (and 429 sent) when this address asked too often. */
  async function allowed(req: Request, res: Response): Promise<boolean> {
    return deps.requests.spend(requestAddress(req), 'open data requests').then(
      () => true,
      (err: unknown) => {
        sendRefusal(res, err);
        return false;
      },
    );
  }

  function send(res: Response, answer: Answer): void {
    res.setHeader('Cache-Control', `public, max-age=${CACHE_S}`);
    // Public data without cookies: any site's page may read it.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Content-Type', answer.type);
    if (answer.filename) res.setHeader('Content-Disposition', `attachment; filename="${answer.filename}"`);
    res.send(answer.body);
  }

  function listing(): OpenDataListing {
    return {
      title: { ja: 'バーチャル市役所のオープンデータ', en: 'Open data of the virtual city hall' },
      publisher: deps.licence.attribution,
      license: deps.licence,
      timeZone: deps.clock.timeZone(),
      latestDay: addDays(deps.clock.day(), -1),
      maxRangeDays: MAX_RANGE_DAYS,
      parameters: [
        {
          name: 'from',
          description: {
            ja: '最初の日（YYYY-MM-DD）。省略すると to の29日前',
            en: 'First day (YYYY-MM-DD); 29 days before `to` when left out',
          },
        },
        {
          name: 'to',
          description: {
            ja: '最後の日（YYYY-MM-DD、昨日まで）。省略すると昨日',
            en: 'Last day (YYYY-MM-DD, yesterday at the latest); yesterday when left out',
          },
        },
      ],
      suppression: {
        minimum: MIN_PEOPLE,
        marker: SUPPRESSED,
        description: {
          ja: `個人が特定されないよう、1〜${MIN_PEOPLE - 1}人を数えたセルは CSV では x、JSON では null（行の suppressed に列名）にしています。${MIN_PEOPLE}人未満から計算した値、残りが1〜${MIN_PEOPLE - 1}人になる割合、前後に${MIN_PEOPLE}人いない中央値・90パーセンタイルも同じです。日ごとの合計が分かる時間帯別の表では、1〜${MIN_PEOPLE - 1}人の時間帯がある日は24時間すべてを出し、${2 * MIN_PEOPLE}未満の時間帯（0も）を x にします（その合計が${2 * MIN_PEOPLE}未満ならその日はすべて x）。`,
          en: `So that nobody can be singled out, a cell counting 1–${MIN_PEOPLE - 1} people is x in CSV and null in JSON (its column listed in the row's "suppressed"). So is a value computed from fewer than ${MIN_PEOPLE} people, a rate whose rest would be 1–${MIN_PEOPLE - 1} people, and a median or 90th percentile without ${MIN_PEOPLE} people on each side. In the hourly table, whose daily total is published, a day with an hour of 1–${MIN_PEOPLE - 1} lists all 24 hours with every hour under ${2 * MIN_PEOPLE} as x, zeros too (the whole day, if those add up to fewer than ${2 * MIN_PEOPLE}). Zero is shown elsewhere.`,
        },
      },
      format: {
        ja: 'CSV は UTF-8（BOM 付き）、1行目が列名。JSON は columns と rows（列名をキーとするオブジェクト）。今日の分は日が終わってから公開します。',
        en: 'CSV is UTF-8 with a byte order mark, the first row naming the columns. JSON has columns and rows (objects keyed by column name). A day is published once it is over.',
      },
      datasets: deps.sets.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        columns: s.columns,
        links: { csv: `${BASE}/${s.id}.csv`, json: `${BASE}/${s.id}.json` },
      })),
    };
  }

  app.get(`${BASE}{/}`, async (req: Request, res: Response) => {
    if (!(await allowed(req, res))) return;
    send(res, { type: 'application/json; charset=utf-8', body: JSON.stringify(listing()) });
  });

  app.get(`${BASE}/:file`, async (req: Request, res: Response) => {
    if (!(await allowed(req, res))) return;
    const file = FileParam.safeParse(req.params);
    if (!file.success) return sendBadRequest(res, file.error);
    const [id, format] = file.data.file.split('.') as [string, 'csv' | 'json'];
    const set = deps.sets.find((s) => s.id === id);
    if (!set) return sendRefusal(res, new DomainError('noSuchDataSet', `No open data set "${id}"`));
    const latest = addDays(deps.clock.day(), -1);
    const range = readDayRange(req.query, { to: latest, days: DEFAULT_DAYS });
    if (!range.ok) return sendBadRequest(res, range.message);
    if (range.to > latest) {
      return sendBadRequest(res, `open data covers days that are over: to is ${latest} at the latest`);
    }
    const key = `${id}.${format} ${range.from} ${range.to}`;
    let answer = cache.get(key);
    if (!answer) {
      const rows = await set.rows(range.from, range.to);
      answer = format === 'csv' ? asCsv(set, rows) : asJson(set, rows, range, deps.licence);
      answer.filename = `${id}_${range.from}_${range.to}.${format}`;
      cache.set(key, answer);
    }
    send(res, answer);
  });
}

function asCsv(set: OpenDataSet, rows: OpenRow[]): Answer {
  const names = set.columns.map((c) => c.name);
  return {
    type: 'text/csv; charset=utf-8',
    body: toCsv([names, ...rows.map((r) => names.map((n) => r[n] ?? null))], { bom: true }),
  };
}

function asJson(
  set: OpenDataSet,
  rows: OpenRow[],
  range: { from: string; to: string },
  licence: OpenDataLicence,
): Answer {
  const names = set.columns.map((c) => c.name);
  // Only number columns are ever suppressed: a name that happens to read "x" stays a name.
  const numeric = new Set(
    set.columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name),
  );
  const isSuppressed = (r: OpenRow, n: string) => numeric.has(n) && r[n] === SUPPRESSED;
  const out = rows.map((r) => {
    const suppressed = names.filter((n) => isSuppressed(r, n));
    const values = Object.fromEntries(names.map((n) => [n, isSuppressed(r, n) ? null : (r[n] ?? null)]));
    return suppressed.length > 0 ? { ...values, suppressed } : values;
  });
  const body = {
    dataset: set.id,
    title: set.title,
    from: range.from,
    to: range.to,
    license: licence,
    columns: names,
    rows: out,
  };
  return { type: 'application/json; charset=utf-8', body: JSON.stringify(body) };
}
