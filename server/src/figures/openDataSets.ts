import type { Hall } from '../../../shared/layout/hallLayout.ts';
import type { CatalogService } from '../services/catalogService.ts';
import type { JaEn, OpenDataColumn } from '../../../shared/protocol/openData.ts';
import { eachDay } from '../../../shared/figures/days.ts';
import type { ActivityReader } from './activity.ts';
import { counterStats } from './counterStats.ts';
import { groupBy } from '../../../shared/figures/figureMaths.ts';
import { outcomeCounts, ratingCounts, visitsByDay } from './tallies.ts';
import {
  SUPPRESSED,
  peopleCount,
  peopleGroup,
  peopleRate,
  percentileOf,
  type Published,
} from './suppression.ts';

export type OpenCell = Published<number> | string | null;
export type OpenRow = Record<string, OpenCell>;

type Words = JaEn;
export type OpenColumn = OpenDataColumn;

interface Sources {
  activity: ActivityReader;
  catalog: CatalogService;
  hall: Hall;
}

export interface OpenDataSet {
  id: string;
  title: Words;
  description: Words;
  columns: OpenColumn[];
  rows(from: string, to: string): Promise<OpenRow[]>;
}

const day: OpenColumn = {
  name: 'day',
  type: 'date',
  description: { ja: '日付（市の暦、YYYY-MM-DD）', en: "The day (the city's calendar, YYYY-MM-DD)" },
};
const people = (name: string, ja: string, en: string): OpenColumn => ({
  name,
  type: 'integer',
  description: { ja: `${ja}（1〜4は x）`, en: `${en} (1–4 written as x)` },
});

/** `<thing>_id`, `<thing>_name_ja`, `<thing>_name_en`: what a row is about, for people and programs. */
const named = (thing: string, ja: string, en: string): OpenColumn[] => [
  { name: `${thing}_id`, type: 'string', description: { ja: `${ja}のID`, en: `${en} id` } },
  {
    name: `${thing}_name_ja`,
    type: 'string',
    description: { ja: `${ja}の名前`, en: `${en} name (Japanese)` },
  },
  { name: `${thing}_name_en`, type: 'string', description: { ja: `${ja}の名前（英語）`, en: `${en} name` } },
];

/** The data sets `/api/open-data/` lists: each a table with one or more rows per complete city day. */
export function openDataSets({ activity, catalog, hall }: Sources): OpenDataSet[] {
  const counterOf = (id: string) => hall.serviceDesks.find((c) => c.id === id);
  return [
    {
      id: 'visits-daily',
      title: { ja: '来庁者数（日別）', en: 'Visits per day' },
      description: {
        ja: 'バーチャル市役所に入った回数と、同時にいた最大の人数（職員を含む）。',
        en: 'How many times the virtual city hall was entered, and the most people inside at once (staff included).',
      },
      columns: [
        day,
        people('entries', '入館の回数', 'Entries into the hall'),
        people('peak_people', '同時にいた最大の人数', 'Most people inside at once'),
      ],
      async rows(from, to) {
        const [visits, hours] = await Promise.all([
          activity.visitsPerDay(from, to),
          activity.usage(['hall'], from, to),
        ]);
        return visitsByDay(eachDay(from, to), visits, hours).map((v) => ({
          day: v.day,
          entries: peopleCount(v.entries),
          peak_people: peopleCount(v.peak),
        }));
      },
    },
    {
      id: 'visits-hourly',
      title: { ja: '来庁者数（時間帯別）', en: 'Visits per hour' },
      description: {
        ja: '1時間ごとの入館の回数と同時にいた最大の人数。人のいた時間帯だけの行。入館が1〜4回の時間帯がある日は、日別の合計から引き算で分からないよう、24時間すべての行を出し、10回未満の時間帯（0も）をすべて x にします（それらの合計が10未満ならその日はすべて x）。',
        en: 'Entries and the most people inside at once, per hour; rows only for hours with people. On a day with an hour of 1–4 entries, all 24 hours are listed and every hour under 10 entries is x (zeros too), or the whole day if those add up to fewer than 10, so the daily total cannot give a small count away.',
      },
      columns: [
        day,
        {
          name: 'hour',
          type: 'integer',
          description: { ja: '時（0〜23、市の時計）', en: "Hour of the day (0–23, the city's clock)" },
        },
        people('entries', '入館の回数', 'Entries into the hall'),
        people('peak_people', '同時にいた最大の人数', 'Most people inside at once'),
      ],
      async rows(from, to) {
        const hours = groupBy(await activity.usage(['hall'], from, to), (r) => r.day);
        return [...hours].flatMap(([d, rows]) => {
          const byHour = [...groupBy(rows, (r) => String(r.hour))].map(([hour, rs]) => ({
            hour: Number(hour),
            entries: rs.reduce((a, r) => a + r.count, 0),
            peak: Math.max(...rs.map((r) => r.peak)),
          }));
          // A day with a hidden hour has all 24 hours: hours with nobody hide among the others.
          const all = Array.from(
            { length: 24 },
            (_, hour) => byHour.find((h) => h.hour === hour) ?? { hour, entries: 0, peak: 0 },
          );
          const entries = peopleGroup(all.map((h) => h.entries));
          const hiding = entries.includes(SUPPRESSED);
          return all.flatMap((h, i) =>
            hiding || byHour.includes(h)
              ? [
                  {
                    day: d,
                    hour: h.hour,
                    entries: entries[i]!,
                    // A shown "0 at once" would tell which hidden hours had nobody.
                    peak_people: hiding && entries[i] === SUPPRESSED ? SUPPRESSED : peopleCount(h.peak),
                  },
                ]
              : [],
          );
        });
      },
    },
    {
      id: 'waits',
      title: { ja: '窓口ごとの待ち時間（日別）', en: 'Waits per counter and day' },
      description: {
        ja: '窓口ごとの番号札の数、呼ばれて来なかった数と割合、番号を取ってから呼ばれるまでの待ち時間（中央値と90パーセンタイル、分）。5人未満から計算した値は x。中央値は10人以上、90パーセンタイルは50人以上のときだけ出します（前後に5人以上）。',
        en: 'Per counter: numbers taken, no-shows and their share of the numbers called, and the wait from taking a number to being called (median and 90th percentile, minutes). Values computed from fewer than 5 people are x; the median needs 10 waits and the 90th percentile 50 (5 on each side).',
      },
      columns: [
        day,
        ...named('counter', '窓口', 'Counter'),
        { name: 'counter_number', type: 'integer', description: { ja: '窓口の番号', en: 'Counter number' } },
        people('tickets', '番号札の数', 'Numbers taken'),
        people('no_shows', '呼ばれて来なかった数', 'Called but did not come'),
        {
          name: 'no_show_rate',
          type: 'number',
          description: {
            ja: '呼ばれた番号のうち来なかった割合（0〜1）',
            en: 'Share of the numbers called that did not come (0–1)',
          },
        },
        {
          name: 'wait_p50_min',
          type: 'number',
          description: { ja: '待ち時間の中央値（分）', en: 'Median wait (minutes)' },
        },
        {
          name: 'wait_p90_min',
          type: 'number',
          description: {
            ja: '待ち時間の90パーセンタイル（分）',
            en: '90th percentile of the wait (minutes)',
          },
        },
      ],
      async rows(from, to) {
        const tickets = groupBy(await activity.tickets(from, to), (t) => `${t.day} ${t.counterId}`);
        return [...tickets]
          .map(([key, list]) => {
            const [d, counterId] = key.split(' ') as [string, string];
            const s = counterStats(list, 0);
            const counter = counterOf(counterId);
            return {
              day: d,
              counter_id: counterId,
              counter_name_ja: counter?.name.ja ?? null,
              counter_name_en: counter?.name.en ?? null,
              counter_number: counter?.number ?? null,
              tickets: peopleCount(s.tickets),
              no_shows: peopleCount(s.noShows),
              no_show_rate: peopleRate(s.noShowRate, s.noShows, s.called),
              wait_p50_min: percentileOf(s.waitP50Min, s.waits, 0.5),
              wait_p90_min: percentileOf(s.waitP90Min, s.waits, 0.9),
            };
          })
          .sort((a, b) => a.day.localeCompare(b.day) || (a.counter_number ?? 0) - (b.counter_number ?? 0));
      },
    },
    {
      id: 'procedures',
      title: {
        ja: 'オンライン申請のリンクが開かれた回数（手続き別・日別）',
        en: 'Online application links opened, per procedure and day',
      },
      description: {
        ja: '手続きのオンライン申請へのリンクが館内から開かれた回数。多い順。',
        en: "How often each procedure's online application link was opened from the hall, most opened first.",
      },
      columns: [
        day,
        ...named('procedure', '手続き', 'Procedure'),
        people('link_opens', '開かれた回数', 'Times opened'),
      ],
      async rows(from, to) {
        const procedures = catalog.get().procedures;
        return (await activity.linkOpens(from, to))
          .filter((o) => o.opens > 0)
          .sort(
            (a, b) =>
              a.day.localeCompare(b.day) || b.opens - a.opens || a.procedureId.localeCompare(b.procedureId),
          )
          .map((o) => {
            const p = procedures.find((x) => x.id === o.procedureId);
            return {
              day: o.day,
              procedure_id: o.procedureId,
              procedure_name_ja: p?.name.ja ?? null,
              procedure_name_en: p?.name.en ?? null,
              link_opens: peopleCount(o.opens),
            };
          });
      },
    },
    {
      id: 'consultations',
      title: { ja: '相談の結果（日別）', en: 'Consultations by outcome, per day' },
      description: {
        ja: '窓口の相談を職員が記録した結果：resolved（解決）、followUp（後日対応）、referred（他の窓口へ）、none（記録なし）。',
        en: 'What staff recorded as the outcome of counter consultations: resolved, followUp (follow-up needed), referred (to another counter), none (not recorded).',
      },
      columns: [
        day,
        {
          name: 'outcome',
          type: 'string',
          description: {
            ja: '結果（resolved / followUp / referred / none）',
            en: 'Outcome (resolved / followUp / referred / none)',
          },
        },
        people('consultations', '相談の数', 'Consultations'),
      ],
      async rows(from, to) {
        const facts = groupBy(await activity.consultations(from, to), (f) => f.day);
        return [...facts]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .flatMap(([d, list]) =>
            outcomeCounts(list).map((o) => ({
              day: d,
              outcome: o.outcome,
              consultations: peopleCount(o.consultations),
            })),
          );
      },
    },
    {
      id: 'ratings',
      title: { ja: '相談の評価の分布（日別）', en: 'Ratings of consultations, per day' },
      description: {
        ja: '相談の終わりに住民がつけた評価（1〜5）ごとの数。評価は匿名です。',
        en: 'How many consultations residents rated 1 to 5 at the end (ratings are anonymous).',
      },
      columns: [
        day,
        { name: 'rating', type: 'integer', description: { ja: '評価（1〜5）', en: 'Rating (1–5)' } },
        people('consultations', 'その評価をつけた相談の数', 'Consultations given this rating'),
      ],
      async rows(from, to) {
        const facts = groupBy(
          (await activity.consultations(from, to)).filter((f) => f.rating !== null),
          (f) => f.day,
        );
        return [...facts]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .flatMap(([d, list]) =>
            ratingCounts(list).map((r) => ({
              day: d,
              rating: r.rating,
              consultations: peopleCount(r.count),
            })),
          );
      },
    },
  ];
}
