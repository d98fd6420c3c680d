// better-sqlite3 ships without type declarations; this is the part of its API the store uses.
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }

    interface Statement<Row = unknown> {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): Row | undefined;
      all(...params: unknown[]): Row[];
    }

    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      timeout?: number;
    }

    interface Database {
      readonly name: string;
      readonly open: boolean;
      readonly inTransaction: boolean;
      prepare<Row = unknown>(sql: string): Statement<Row>;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<Args extends unknown[], R>(fn: (...args: Args) => R): (...args: Args) => R;
      backup(destination: string): Promise<{ totalPages: number; remainingPages: number }>;
      close(): this;
    }

    interface DatabaseConstructor {
      new (filename: string, options?: Options): Database;
    }
  }

  const Database: BetterSqlite3.DatabaseConstructor;

  namespace Database {
    type Database = BetterSqlite3.Database;
    type Statement<Row = unknown> = BetterSqlite3.Statement<Row>;
  }

  export = Database;
}
