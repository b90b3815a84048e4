import type { FileRepo, StoredFile } from '../../core/store.ts';
import type { Db } from '../db-util.ts';

export class KyselyFileRepo implements FileRepo {
  constructor(private readonly db: Db) {}

  async put(file: StoredFile): Promise<void> {
    await this.db
      .insertInto('artifact_files')
      .values({
        artifact_id: file.artifactId,
        filename: file.filename,
        content_type: file.contentType,
        sha256: file.sha256,
        size: file.bytes.length,
        bytes: file.bytes,
      })
      .execute();
  }

  async get(artifactId: string): Promise<StoredFile | null> {
    const row = await this.db.selectFrom('artifact_files').selectAll().where('artifact_id', '=', artifactId).executeTakeFirst();
    if (!row) return null;
    return {
      artifactId: row.artifact_id,
      filename: row.filename,
      contentType: row.content_type,
      sha256: row.sha256,
      bytes: Buffer.from(row.bytes),
    };
  }
}
