import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Template } from '@cw/shared';
import { templateFile, type TemplateFile } from './template-file.schema.js';

/** Template data files live in `apps/server/templates/` (same depth from src/ and dist/). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

/** Reads and validates every template file; a broken file stops start-up with its problems listed. */
export async function loadTemplates(dir = TEMPLATES_DIR): Promise<TemplateFile[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => {
      const parsed = templateFile.safeParse(JSON.parse(await readFile(`${dir}${file}`, 'utf8')));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
        throw new Error(`Invalid template ${file}:\n  ${problems.join('\n  ')}`);
      }
      if (`${parsed.data.id}.json` !== file)
        throw new Error(`Template ${file} must have the id of its file name`);
      return parsed.data;
    }),
  );
}

/** The templates shipped with the server, loaded once at start-up. */
@Injectable()
export class TemplateCatalog implements OnModuleInit {
  private templates: TemplateFile[] = [];

  async onModuleInit(): Promise<void> {
    this.templates = await loadTemplates();
  }

  list(): Template[] {
    return this.templates.map(({ id, name, description }) => ({ id, name, description }));
  }

  find(id: string): TemplateFile | undefined {
    return this.templates.find((template) => template.id === id);
  }
}
