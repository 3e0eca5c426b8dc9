import type { TFunction } from 'i18next';
import type { Agreement, AgreementTerms } from '../../../../contract/agreements.ts';
import type { DayRule } from '../../../../contract/agreements.values.ts';
import { type Priority, priorities, type WorkOrderType } from '../../../../contract/work-orders.values.ts';

/** A day rule as the form holds it: how days are counted (or no date at all), and how many. */
export type RuleValues = { unit: 'none' | 'working' | 'calendar'; days: string };
export type SlaValues = Record<Priority, { contactBy: RuleValues; deliverBy: RuleValues }>;

/** The terms as typed: lists one item per line, numbers as text. */
export type AgreementValues = {
  orderTypes: WorkOrderType[];
  sla: SlaValues;
  completedVisibleDays: string;
  requireFaultType: boolean;
  requireRootCause: boolean;
  faultTypes: string;
  rootCauses: string;
  phrases: string;
  invoiceReferenceTemplate: string;
  invoiceMarking: string;
  projectNumber: string;
  invoiceAddress: string;
};

const ruleValues = (rule: DayRule | null): RuleValues =>
  rule ? { unit: rule.unit, days: String(rule.days) } : { unit: 'none', days: '' };

export function agreementValues(a: Agreement): AgreementValues {
  return {
    orderTypes: [...a.orderTypes],
    sla: Object.fromEntries(
      priorities.map((p) => [
        p,
        { contactBy: ruleValues(a.slaRules[p].contactBy), deliverBy: ruleValues(a.slaRules[p].deliverBy) },
      ]),
    ) as SlaValues,
    completedVisibleDays: String(a.completedVisibleDays),
    requireFaultType: a.requireFaultType,
    requireRootCause: a.requireRootCause,
    faultTypes: a.faultTypes.join('\n'),
    rootCauses: a.rootCauses.join('\n'),
    phrases: a.phrases.join('\n'),
    invoiceReferenceTemplate: a.invoiceReferenceTemplate,
    invoiceMarking: a.invoiceMarking ?? '',
    projectNumber: a.projectNumber ?? '',
    invoiceAddress: a.invoiceAddress ?? '',
  };
}

/** One item per line; blank lines and the spaces around each item do not count. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const rule = (r: RuleValues): DayRule | null =>
  r.unit === 'none' ? null : { unit: r.unit, days: Number(r.days.trim()) };

export function agreementTerms(v: AgreementValues): AgreementTerms {
  return {
    orderTypes: v.orderTypes,
    slaRules: Object.fromEntries(
      priorities.map((p) => [
        p,
        { contactBy: rule(v.sla[p].contactBy), deliverBy: rule(v.sla[p].deliverBy) },
      ]),
    ) as AgreementTerms['slaRules'],
    completedVisibleDays: Number(v.completedVisibleDays.trim()),
    requireFaultType: v.requireFaultType,
    requireRootCause: v.requireRootCause,
    faultTypes: linesOf(v.faultTypes),
    rootCauses: linesOf(v.rootCauses),
    phrases: linesOf(v.phrases),
    invoiceReferenceTemplate: v.invoiceReferenceTemplate.trim(),
    invoiceMarking: orNull(v.invoiceMarking),
    projectNumber: orNull(v.projectNumber),
    invoiceAddress: orNull(v.invoiceAddress),
  };
}

const wholeNumber = (text: string, min: number, max: number) => {
  const value = text.trim();
  return /^\d+$/.test(value) && Number(value) >= min && Number(value) <= max;
};

/** Checks the terms as the server does; returns form path → message. */
export function validateAgreement(v: AgreementValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.orderTypes.length === 0) errors.orderTypes = t('agreements.validation.orderTypes');
  for (const p of priorities) {
    for (const which of ['contactBy', 'deliverBy'] as const) {
      const r = v.sla[p][which];
      if (r.unit !== 'none' && !wholeNumber(r.days, 0, 365)) {
        errors[`sla.${p}.${which}.days`] = t('agreements.validation.days');
      }
    }
  }
  if (!wholeNumber(v.completedVisibleDays, 1, 3650)) {
    errors.completedVisibleDays = t('agreements.validation.visibleDays');
  }
  for (const [field, max] of [
    ['faultTypes', 50],
    ['rootCauses', 50],
    ['phrases', 100],
  ] as const) {
    const items = linesOf(v[field]);
    if (items.length === 0) errors[field] = t('agreements.validation.listEmpty');
    else if (items.length > max) errors[field] = t('agreements.validation.listTooLong', { max });
    else if (items.some((item) => item.length > 100)) errors[field] = t('agreements.validation.itemTooLong');
    else if (new Set(items).size !== items.length) errors[field] = t('agreements.validation.duplicates');
  }
  const template = v.invoiceReferenceTemplate.trim();
  if (!/^[^\s]*\{number\}[^\s]*$/.test(template) || template.length > 40) {
    errors.invoiceReferenceTemplate = t('agreements.validation.template');
  }
  return errors;
}

/** The server's path for a field error, as the form names the field (slaRules.normal… → sla.normal…). */
export function formFieldOf(apiField: string): string {
  const sla = /^slaRules\.(\w+)\.(contactBy|deliverBy)/.exec(apiField);
  if (sla) return `sla.${sla[1]}.${sla[2]}.days`;
  return apiField.split('.')[0] ?? apiField;
}

/** "3 arbetsdagar", "1 kalenderdag", or that the rule gives no date. */
export function describeRule(rule: DayRule | null, t: TFunction): string {
  if (!rule) return t('agreements.noDate');
  return t(rule.unit === 'working' ? 'agreements.workingDays' : 'agreements.calendarDays', {
    count: rule.days,
  });
}

/** The reference an order gets from the template, e.g. AO{number} → AO2375. */
export function referenceExample(template: string, number = 2375): string {
  return template.replace('{number}', String(number));
}
