import { DataSource } from 'typeorm';
import { FieldCipher } from '../../crypto/field-cipher';

const CONTEXT = 'sealing_certificates.p12';

/**
 * Where the self-signed sealing certificate is kept on a real PostgreSQL: one row, the P12
 * encrypted with the field key. The first process to start inserts its freshly generated P12
 * (ON CONFLICT DO NOTHING); every process then reads the one row, so that all of them seal with,
 * and recognise, the same certificate.
 */
export class PostgresSealStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {}

  async loadOrCreate(generate: () => Promise<Buffer>): Promise<Buffer> {
    const existing = await this.read();
    if (existing) return existing;
    const p12 = await generate();
    await this.dataSource.query(`INSERT INTO sealing_certificates (id, p12_encrypted, created_at) VALUES (1, $1, now()) ON CONFLICT (id) DO NOTHING`, [
      this.cipher.encrypt(p12.toString('base64'), CONTEXT),
    ]);
    const stored = await this.read();
    if (!stored) throw new Error('The sealing certificate was neither found nor stored');
    return stored;
  }

  private async read(): Promise<Buffer | null> {
    const rows = (await this.dataSource.query(`SELECT p12_encrypted FROM sealing_certificates WHERE id = 1`)) as { p12_encrypted: string }[];
    return rows.length === 0 ? null : Buffer.from(this.cipher.decrypt(rows[0].p12_encrypted, CONTEXT), 'base64');
  }
}
