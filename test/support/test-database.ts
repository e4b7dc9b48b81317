/** Placeholder until the migrations exist; replaced by the real migration run. */
export async function migrateDatabase(_url: string): Promise<void> {}
