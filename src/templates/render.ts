// Reply templates: Mustache text ("Hi {{customer.firstName}}, …") whose variables come from the
// customer's context. Only known variables are allowed, so a typo is caught when the template is
// saved, not when a customer reads "Hi ,".
import Mustache from 'mustache';

export const TEMPLATE_VARIABLES = [
  'customer.name',
  'customer.firstName',
  'customer.email',
  'case.number',
  'case.subject',
  'agent.name',
  'agent.firstName',
  'lastOrder.id',
  'lastOrder.total',
  'lastOrder.currency',
  'lastOrder.date',
  'lastOrder.product',
  'openCases.count',
  'company.name',
  // Filled in as the reply is sent (survey-link.ts): a one-time link to the survey chosen for replies.
  'survey.link',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

export type TemplateValues = Partial<Record<TemplateVariable, string | number | null>>;

type Token = [string, string, number, number, Token[]?];

function variablesIn(tokens: readonly Token[]): string[] {
  return tokens.flatMap((token) => {
    const [type, name, , , children] = token;
    const own = type === 'name' || type === '&' || type === '#' || type === '^' ? [name] : [];
    // A partial's fifth element is its indentation, not children.
    return [...own, ...(Array.isArray(children) ? variablesIn(children) : [])];
  });
}

// A partial pulls in another named template; replies have none, and rendering one fails.
function partialsIn(tokens: readonly Token[]): string[] {
  return tokens.flatMap(([type, name, , , children]) => [
    ...(type === '>' ? [name] : []),
    ...(Array.isArray(children) ? partialsIn(children) : []),
  ]);
}

/** Problems with a template body: a syntax error, or variables we cannot fill. Empty when it is fine. */
export function templateProblems(body: string): string[] {
  let tokens: Token[];
  try {
    tokens = Mustache.parse(body) as unknown as Token[];
  } catch (error) {
    return [`Template syntax: ${error instanceof Error ? error.message : String(error)}`];
  }
  const partials = partialsIn(tokens);
  if (partials.length)
    return partials.map((name) => `Partials are not supported ({{> ${name}}}); write the text in the template itself`);
  const known = new Set<string>(TEMPLATE_VARIABLES);
  return [...new Set(variablesIn(tokens))]
    .filter((name) => !known.has(name))
    .map((name) => `Unknown variable {{${name}}}; known: ${TEMPLATE_VARIABLES.join(', ')}`);
}

/** Plain text out: no HTML escaping (replies are text), and a missing value renders as empty. */
export function renderTemplate(body: string, values: TemplateValues): string {
  const view: Record<string, Record<string, unknown>> = {};
  for (const [path, value] of Object.entries(values)) {
    const [group, key] = path.split('.') as [string, string];
    view[group] ??= {};
    view[group][key] = value ?? '';
  }
  return Mustache.render(body, view, {}, { escape: (text: string) => text });
}
