import { Injectable } from '@nestjs/common';
import type { Language, User } from '@cw/shared';
import { Database, type Queryable } from '../../db/database.js';

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  is_organiser: boolean;
  language: Language | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

function toUser(row: UserRow): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isOrganiser: row.is_organiser,
    language: row.language,
    passwordHash: row.password_hash,
  };
}

@Injectable()
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async findByEmail(email: string, q: Queryable = this.db.sql): Promise<UserWithHash | undefined> {
    const [row] = await q<UserRow[]>`SELECT * FROM users WHERE email = ${email}`;
    return row && toUser(row);
  }

  async findById(id: string, q: Queryable = this.db.sql): Promise<UserWithHash | undefined> {
    const [row] = await q<UserRow[]>`SELECT * FROM users WHERE id = ${id}`;
    return row && toUser(row);
  }

  /** Returns undefined when the email is taken. */
  async create(
    input: { email: string; name: string; passwordHash: string; isOrganiser?: boolean },
    q: Queryable = this.db.sql,
  ): Promise<UserWithHash | undefined> {
    const [row] = await q<UserRow[]>`
      INSERT INTO users (email, name, password_hash, is_organiser)
      VALUES (${input.email}, ${input.name}, ${input.passwordHash}, ${input.isOrganiser ?? false})
      ON CONFLICT (email) DO NOTHING
      RETURNING *`;
    return row && toUser(row);
  }

  async setLanguage(
    id: string,
    language: Language,
    q: Queryable = this.db.sql,
  ): Promise<UserWithHash | undefined> {
    const [row] = await q<UserRow[]>`UPDATE users SET language = ${language} WHERE id = ${id} RETURNING *`;
    return row && toUser(row);
  }

  async setPasswordHash(id: string, passwordHash: string, q: Queryable): Promise<void> {
    await q`UPDATE users SET password_hash = ${passwordHash} WHERE id = ${id}`;
  }
}
