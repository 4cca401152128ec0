export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'datetime'; readonly epochMs: number; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { readonly kind: 'and'; readonly items: readonly Condition[] }
  | { readonly kind: 'or'; readonly items: readonly Condition[] }
  | { readonly kind: 'not'; readonly item: Condition }
  | { readonly kind: 'compare'; readonly field: string; readonly op: ComparisonOperator; readonly value: Literal }
  | { readonly kind: 'in'; readonly field: string; readonly negated: boolean; readonly values: readonly Literal[] }
  | { readonly kind: 'like'; readonly field: string; readonly pattern: string };

export interface OrderItem {
  readonly field: string;
  readonly descending: boolean;
  readonly nullsLast: boolean;
}

export interface SelectQuery {
  readonly fields: readonly string[];
  readonly from: string;
  readonly where: Condition | null;
  readonly orderBy: readonly OrderItem[];
  readonly limit: number | null;
  readonly offset: number | null;
}
