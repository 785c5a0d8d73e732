// What the flag rule routes answer: each rule that derives a customer flag, with its own parameters.
import { z } from 'zod';
import { FLAG_RULE_PARAMS } from './rules.ts';

export const FlagRuleSchema = z
  .discriminatedUnion('flag', [
    z.strictObject({ flag: z.literal('past_issues'), enabled: z.boolean(), params: FLAG_RULE_PARAMS.past_issues }),
    z.strictObject({
      flag: z.literal('needs_extra_support'),
      enabled: z.boolean(),
      params: FLAG_RULE_PARAMS.needs_extra_support,
    }),
    z.strictObject({ flag: z.literal('vip'), enabled: z.boolean(), params: FLAG_RULE_PARAMS.vip }),
    z.strictObject({ flag: z.literal('at_risk'), enabled: z.boolean(), params: FLAG_RULE_PARAMS.at_risk }),
  ])
  .meta({ id: 'FlagRule' });

export const FlagRuleListSchema = z.strictObject({ items: z.array(FlagRuleSchema) }).meta({ id: 'FlagRuleList' });
