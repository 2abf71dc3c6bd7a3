import { defineConfig } from 'vitest/config';

/**
 * Three tiers, all run by `npm test`. Integration and browser tiers boot real servers (the Colyseus
 * matchmaker is process-global), so their files run one at a time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/demoHallInUse.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/demoHallInUse.ts'],
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        // Attacks against a running server: each must fail (issue 14).
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/demoHallInUse.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        // The database tests again, on a real PostgreSQL (started by the global setup, thrown away after).
        test: {
          name: 'postgres',
          include: [
            'test/unit/queue/queueService.test.ts',
            'test/unit/auth/authService.test.ts',
            'test/unit/retention.test.ts',
            'test/integration/bookings.test.ts',
            'test/integration/queueFlow.test.ts',
            'test/integration/staffAuth.test.ts',
            'test/integration/consultationEnd.test.ts',
            'test/integration/databaseRaces.test.ts',
            'test/unit/guideUnanswered.test.ts',
            'test/integration/guideApi.test.ts',
            'test/integration/announcements.test.ts',
            'test/integration/disasterMode.test.ts',
            'test/integration/callUps.test.ts',
            'test/integration/figures.test.ts',
            'test/unit/usageCounts.test.ts',
            'test/integration/adminConsole.test.ts',
            'test/integration/hallLayout.test.ts',
            // Several processes need PostgreSQL (and start their own Redis).
            'test/cluster/**/*.test.ts',
          ],
          environment: 'node',
          setupFiles: ['test/support/demoHallInUse.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
          globalSetup: ['test/support/postgresGlobal.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/support/demoHallInUse.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
          globalSetup: ['test/e2e/globalSetup.ts'],
        },
      },
    ],
  },
});
