import { hallFromFile } from '../../server/src/hall/hallFromFile.ts';

// Tests that use the plan without booting a server see the demo hall, as a booted server would.
hallFromFile();
