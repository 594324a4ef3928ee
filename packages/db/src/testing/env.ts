// The Postgres server the integration suites use; infra/up prints the same default.
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/maturity_test";
