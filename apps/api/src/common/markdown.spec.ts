import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('**Reallabor** _Maschinenring_\n\n- eins\n- zwei')).toBe(
      '<p><strong>Reallabor</strong> <em>Maschinenring</em></p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>\n',
    );
  });

  it('neutralises scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [klick](javascript:alert(1)) [ok](https://bottrop.de)');
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://bottrop.de" rel="noopener noreferrer nofollow" target="_blank">ok</a>');
  });
});
