import { z } from 'zod';
import { LANGUAGES } from '../constants.ts';
import { plainText } from '../plainText.ts';

/** A question for the information desk's guide, as a resident types or picks it. */
export const GuideQuestion = z.strictObject({
  question: plainText({ label: 'the question', max: 200, required: true }),
  lang: z.enum(LANGUAGES).default('ja'),
});
export type GuideQuestion = z.infer<typeof GuideQuestion>;
