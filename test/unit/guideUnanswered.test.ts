import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, migrateToLatest, type Db } from '../../server/src/db/database.ts';
import { createCatalogService } from '../../server/src/services/catalogService.ts';
import {
  createGuideService,
  UNANSWERED_TEXTS_PER_DAY,
  unansweredText,
} from '../../server/src/services/guideService.ts';
import { testDatabase } from '../support/testDatabase.ts';

describe('questions the guide could not answer', () => {
  let db: Db;
  beforeEach(async () => {
    db = openDatabase(await testDatabase(':memory:'));
    await migrateToLatest(db);
  });
  afterEach(async () => db.destroy());

  it('keep no phone numbers, e-mail addresses or case and width differences', () => {
    expect(unansweredText('電話 090-1234-5678 に折り返して')).toBe('電話 # に折り返して');
    expect(unansweredText('Mail me at Taro.Yamada@example.jp please')).toBe('mail me at @ please');
    expect(unansweredText('ＤＯＧ   License')).toBe('dog license');
    expect(unansweredText('x'.repeat(300))).toHaveLength(100);
  });

  it('count per text and day, and past the daily number of new texts only known ones go up', async () => {
    const guide = createGuideService(db, createCatalogService(db));
    await guide.countUnanswered('犬の登録');
    await guide.countUnanswered('犬の登録');
    await guide.countUnanswered('?'); // too short to mean anything
    for (let i = 0; i < UNANSWERED_TEXTS_PER_DAY; i++) await guide.countUnanswered(`made up ${i} zq`);
    await guide.countUnanswered('one more new text');
    await guide.countUnanswered('犬の登録');
    const top = await guide.topUnanswered(1, 1000);
    expect(top).toHaveLength(UNANSWERED_TEXTS_PER_DAY);
    expect(top[0]).toMatchObject({ text: '犬の登録', asks: 3 });
    expect(top.map((t) => t.text)).not.toContain('one more new text');
  });
});
