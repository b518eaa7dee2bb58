import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommentMarkdown } from './CommentMarkdown';

const render = (body: string) => renderToStaticMarkup(<CommentMarkdown body={body} />);

describe('CommentMarkdown', () => {
  it('renders light Markdown and opens http links safely', () => {
    const html = render('**Due diligence** is *ongoing*: see [OHCHR](https://www.ohchr.org/).');
    expect(html).toContain('<strong>Due diligence</strong>');
    expect(html).toContain('<em>ongoing</em>');
    expect(html).toContain('href="https://www.ohchr.org/"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
  });

  it('shows raw HTML as text instead of elements', () => {
    const html = render('<img src=x onerror="window.__xss=1"> <script>window.__xss=1</script>');
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops links and images with other schemes', () => {
    const html = render(
      '[click](javascript:alert(1)) [data](data:text/html,hi) ![i](https://example.org/i.png)',
    );
    expect(html).not.toMatch(/javascript:|data:text|<img/i);
    expect(html).toContain('click');
  });
});
