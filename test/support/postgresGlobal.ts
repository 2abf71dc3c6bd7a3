import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set in the `postgres` test project: the throwaway server's maintenance URL. */
    postgresUrl: string;
  }
}

/** The `postgres` project runs the database tests again against a real PostgreSQL started here. */
export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
