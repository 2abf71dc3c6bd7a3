import { catalogHeader, type CatalogSources } from '../../../shared/catalog/catalogCsv.ts';

const csv = (header: readonly string[], rows: string[][]) =>
  [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';

/** A small, valid catalogue: two departments, four procedures, one life event with two questions. */
export function smallCatalog(): CatalogSources {
  return {
    departments: csv(catalogHeader('departments', ['ja', 'en']), [
      ['shimin-ka', '市民課', 'Citizens Affairs Division', 'shimin', '住民票など', 'Residence records'],
      [
        'kosodate-shien-ka',
        '子育て支援課',
        'Child-rearing Support Division',
        'kosodate',
        '子育て',
        'Child support',
      ],
    ]),
    // Written before the optional `disaster` column existed: a sheet without it still reads.
    procedures: csv(
      catalogHeader('procedures', ['ja', 'en']).filter((c) => c !== 'disaster'),
      [
        // prettier-ignore
        ['tennyu-todoke', 'shimin-ka', '転入届', 'Moving-in notification', '市外から転入したとき', 'When you move in', '転入した人', 'New residents', '本人確認書類 ; 転出証明書', 'Photo ID ; Moving-out certificate', '0', '', '', 'visit', 'その場で', 'On the spot', '', 'no', 'てんにゅうとどけ てんにゅう 引っ越し moving-in move in relocation'],
        // prettier-ignore
        ['juminhyo-utsushi', 'shimin-ka', '住民票の写し', 'Certificate of residence', '住所の証明', 'Proof of address', 'どなたでも', 'Anyone', '本人確認書類', 'Photo ID', '300', '1通', 'per copy', 'online_or_visit', 'その場で', 'On the spot', '/apply/juminhyo', 'no', 'じゅうみんひょう certificate residence'],
        // prettier-ignore
        ['jidou-teate', 'kosodate-shien-ka', '児童手当', 'Child allowance', '子育て世帯への手当', 'Monthly allowance', '中学生以下の子の親', 'Parents of children', '', '', '0', '', '', 'mynaportal', '約1か月', 'About a month', '/apply/jidou-teate', 'no', 'じどうてあて child allowance'],
        // prettier-ignore
        ['kodomo-iryohi', 'kosodate-shien-ka', '子ども医療費助成', "Children's medical subsidy", '医療費の助成', 'Medical costs', '子の親', 'Parents', '健康保険証', 'Health insurance card', '0', '', '', 'visit', 'その場で', 'On the spot', '', 'no', 'こどもいりょうひ medical'],
      ],
    ),
    lifeEvents: csv(catalogHeader('lifeEvents', ['ja', 'en']), [
      ['moving-in', '転入', 'Moving in', '市外から引っ越してきた', 'You moved here'],
    ]),
    questions: csv(catalogHeader('questions', ['ja', 'en']), [
      ['moving-in', 'children', '1', '子どもがいますか', 'Do you have children?'],
      ['moving-in', 'certificate', '2', '住民票が必要ですか', 'Do you need a certificate?'],
    ]),
    rules: csv(catalogHeader('rules', ['ja', 'en']), [
      ['moving-in', 'tennyu-todoke', '', '14日以内', 'Within 14 days'],
      ['moving-in', 'jidou-teate', 'children=yes', '', ''],
      ['moving-in', 'kodomo-iryohi', 'children=yes', '', ''],
      ['moving-in', 'juminhyo-utsushi', 'certificate=yes&children=no', '', ''],
    ]),
    faq: csv(catalogHeader('faq', ['ja', 'en']), [
      // prettier-ignore
      ['juminhyo', '住民票がほしい ; 住所の証明', 'I need a certificate of residence', '市民課で取れます', 'At Citizens Affairs', 'juminhyo-utsushi', '', 'shimin', 'じゅうみんひょう juminhyo'],
      // prettier-ignore
      ['moved-here', '引っ越してきた', 'I moved here', '転入届を出してください', 'File a moving-in notification', 'tennyu-todoke', 'moving-in', 'shimin', ''],
    ]),
    shelters: csv(catalogHeader('shelters', ['ja', 'en']), [
      [
        'daiichi',
        '第一小学校',
        'Daiichi School',
        '中央町1-2-3',
        '1-2-3 Chuo',
        'https://maps.example.org/daiichi',
      ],
    ]),
    hotlines: csv(catalogHeader('hotlines', ['ja', 'en']), [
      ['taisaku', '災害対策本部', 'Disaster HQ', '0120-000-000', '24時間', '24 hours'],
    ]),
  };
}

export const COUNTERS = new Set(['shimin', 'kosodate']);
