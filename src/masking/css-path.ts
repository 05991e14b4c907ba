/** A short CSS path that finds the element again: #id, tag[name="…"], or an nth-of-type chain. */
export function cssPath(el: Element): string {
  const scope = el.getRootNode() as ParentNode;
  // [id="…"] rather than CSS.escape for odd ids ("1st", "user:ssn"): readable, and parsed everywhere.
  const byId = (id: string) => (/^-?[a-z_][\w-]*$/i.test(id) ? `#${id}` : `[id="${id.replace(/["\\]/g, '\\$&')}"]`);
  const unique = (sel: string) => {
    try {
      return scope.querySelectorAll(sel).length === 1;
    } catch {
      return false;
    }
  };
  if (el.id && unique(byId(el.id))) return byId(el.id);
  const name = el.getAttribute('name');
  const byName = name && `${el.localName}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
  if (byName && unique(byName)) return byName;
  const parts: string[] = [];
  for (let node: Element | null = el; node?.parentElement; node = node.parentElement) {
    if (node !== el && node.id && unique(byId(node.id))) {
      parts.unshift(byId(node.id));
      break;
    }
    const tag = node.localName;
    const same = Array.from(node.parentElement.children).filter((c) => c.localName === tag);
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(node) + 1})` : tag);
  }
  return parts.join(' > ');
}

