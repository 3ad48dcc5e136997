import { demoPdf } from './demo-meetings';

describe('demoPdf', () => {
  it('writes a PDF whose cross-reference table points at each object', () => {
    const pdf = demoPdf('Programm (Entwurf)', ['Begrüßung', 'Foren']).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n/.exec(pdf)![1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, i) => expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    // parentheses in text are escaped, umlauts are single Latin-1 bytes
    expect(pdf).toContain('(Programm \\(Entwurf\\)) Tj');
    expect(pdf).toContain('Begr\xfc\xdfung');
    const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
    const stream = /stream\n([\s\S]*?)\nendstream/.exec(pdf)![1];
    expect(stream.length).toBe(length);
  });
});
