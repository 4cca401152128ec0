/**
 * A strict well-formedness check for our metadata files (source-deploy-retrieve's parser is
 * lenient and only validates after a failure): one root, tags closed in order, attributes
 * quoted, only XML's predefined or numeric entities. Returns the first problem, or null.
 */
export function xmlProblem(text: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let at = text.startsWith('<?xml') ? text.indexOf('?>') + 2 : 0;
  const NAME = /^[A-Za-z_][\w:.-]*/;
  while (at < text.length) {
    const lt = text.indexOf('<', at);
    const chunk = text.slice(at, lt === -1 ? text.length : lt);
    const badEntity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(chunk);
    if (badEntity) return `unescaped & near "${chunk.slice(badEntity.index, badEntity.index + 12)}"`;
    if (stack.length === 0 && chunk.trim() !== '') return `text outside the root element: "${chunk.trim().slice(0, 20)}"`;
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt);
      if (end === -1) return 'unterminated comment';
      at = end + 3;
      continue;
    }
    const gt = text.indexOf('>', lt);
    if (gt === -1) return 'unterminated tag';
    const tag = text.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
      continue;
    }
    const name = NAME.exec(tag)?.[0];
    if (!name) return `malformed tag <${tag.slice(0, 20)}>`;
    const attributes = tag.slice(name.length).replace(/\/$/, '').trim();
    if (attributes !== '' && !/^([\w:.-]+\s*=\s*("[^"<]*"|'[^'<]*')\s*)+$/.test(attributes)) return `malformed attributes in <${name}>`;
    if (stack.length === 0) roots += 1;
    if (roots > 1) return `a second root element <${name}>`;
    if (!tag.endsWith('/')) stack.push(name);
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is never closed`;
  return roots === 1 ? null : 'no root element';
}
