import { writeFileSync } from 'node:fs';
import { hallJsonSchema } from '../shared/layout/hallJsonSchema.ts';

/** `npm run hall:schema`: writes assets/halls/hall.schema.json again after the zod schema changed. */
const target = new URL('../assets/halls/hall.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(hallJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
