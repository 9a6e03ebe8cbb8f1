import { defineConfig } from 'vitest/config';

// Unit tests are pure and fast; integration tests talk to the emulator over loopback HTTP; e2e tests
// drive the real UI (browser harness, and the Electron app where its binary can run).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // keytar against a real Secret Service: run only inside scripts/with-keyring.sh (a private D-Bus
        // session with an unlocked GNOME Keyring); without it every test here fails, none is skipped.
        test: {
          name: 'keychain',
          include: ['tests/keychain/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
