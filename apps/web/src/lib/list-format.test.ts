import { describe, expect, it } from 'vitest';
import { formatList } from './list-format';

describe('formatList', () => {
  it('joins items as each language does', () => {
    expect(formatList(['Ana', 'Bo', 'Chen'], 'en')).toBe('Ana, Bo, and Chen');
    expect(formatList(['Ana', 'Bo', 'Chen'], 'fr')).toBe('Ana, Bo et Chen');
    expect(formatList(['Ana', 'Bo', 'Chen'], 'es')).toBe('Ana, Bo y Chen');
    expect(formatList(['Ana', 'Bo', 'Chen'], 'ru')).toBe('Ana, Bo и Chen');
    expect(formatList(['甲', '乙', '丙'], 'zh')).toBe('甲、乙和丙');
    expect(formatList(['أ', 'ب'], 'ar')).toBe('أ وب');
  });
});
