import type { Locale } from './locale.ts';

/** The service's problem codes: the end of a problem's `type` (`urn:partner-journey:problem:<code>`). */
export const PROBLEM_CODES = [
  'invalid-input',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'payload-too-large',
  'rate-limited',
  'misconfigured',
  'internal',
  'crm-unavailable',
  'unavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

const TYPE_PREFIX = 'urn:partner-journey:problem:';

const BY_STATUS: Readonly<Record<number, ProblemCode>> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  429: 'rate-limited',
  503: 'unavailable',
};

export interface ProblemLike {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail?: string | undefined;
}

/** The code of a problem, from its `type` when the service wrote it, else from its HTTP status. */
export function problemCode(problem: Pick<ProblemLike, 'type' | 'status'>): ProblemCode {
  const fromType = problem.type.startsWith(TYPE_PREFIX) ? problem.type.slice(TYPE_PREFIX.length) : '';
  const known = PROBLEM_CODES.find((code) => code === fromType);
  return known ?? BY_STATUS[problem.status] ?? 'internal';
}

const PT_BR: Readonly<Record<ProblemCode, string>> = {
  'invalid-input': 'O serviço recusou o pedido porque algum dado não está certo. Confira os campos e tente de novo.',
  unauthorized: 'Sua sessão não vale mais. Recarregue o registro para abrir o card de novo.',
  forbidden:
    'Você não tem permissão para isso. Só gerentes de canal mudam o estágio, e o CRM precisa deixar você editar os campos do Partner Journey.',
  'not-found': 'Este registro não é conhecido pelo Partner Journey.',
  conflict: 'Outra alteração chegou antes desta, então nada foi mudado. Recarregue e tente de novo.',
  'payload-too-large': 'O pedido é grande demais para o serviço.',
  'rate-limited': 'Muitos pedidos ao mesmo tempo. Espere um pouco e tente de novo.',
  misconfigured: 'O Partner Journey ainda não está configurado para isto. Fale com o administrador do CRM.',
  internal: 'Algo deu errado no serviço do Partner Journey. Tente de novo em instantes.',
  'crm-unavailable': 'O CRM não respondeu agora, então nada foi mudado. Tente de novo em instantes.',
  unavailable: 'O serviço do Partner Journey não pode responder agora. Tente de novo em instantes.',
};

const OWN_WORDS: Readonly<Record<Exclude<Locale, 'en'>, Readonly<Record<ProblemCode, string>>>> = { 'pt-BR': PT_BR };

/**
 * What to tell a viewer about a problem the service answered. The service words its problems in
 * English: an English viewer gets its own detail, anyone else the sentence for the problem's code.
 */
export function problemText(problem: ProblemLike, locale: Locale): string {
  if (locale === 'en') return problem.detail ?? problem.title;
  return OWN_WORDS[locale][problemCode(problem)];
}
