import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { FunctionDetail } from '../../../server/contracts/functions';
import type { FunctionEdit, PortfolioChoices } from '../../../server/contracts/portfolio';
import { ApiError, api, unwrap } from '../../api/client';
import { Choice, ErrorSummary, TextField, type FieldErrors } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { parsePoundsInput } from '../../lib/money-input';

/**
 * Correcting a function entered in Realise: its name, description, lead force, agreement, headline
 * and tolerance, from the version on screen. Its lines and targets change by re-baselining.
 */
export function EditParticulars({ detail }: { detail: FunctionDetail }) {
  const choices = useQuery({ queryKey: ['portfolio', 'choices'], queryFn: async () => unwrap(await api.api.portfolio.choices.$get()) });
  return (
    <details className="retire" data-testid="edit-particulars">
      <summary>Correct this function’s particulars</summary>
      <QueryState query={choices} what="the forces and agreements">
        {(data) => <ParticularsForm detail={detail} choices={data} />}
      </QueryState>
    </details>
  );
}

const pounds = (pence: number) => (pence / 100).toFixed(2);

function ParticularsForm({ detail, choices }: { detail: FunctionDetail; choices: PortfolioChoices }) {
  const fn = detail.function;
  const queryClient = useQueryClient();
  const members = choices.collaborations.find((c) => c.slug === fn.collaboration)?.members ?? [];
  const agreements = choices.agreements.filter((a) => a.collaboration === null || a.collaboration === fn.collaboration);
  const headlineSource = detail.sources.find((s) => s.id === fn.headlineSourceId) ?? null;
  const [name, setName] = useState(fn.name);
  const [description, setDescription] = useState(fn.description);
  const [leadForce, setLeadForce] = useState(fn.leadForce?.slug ?? '');
  const [agreement, setAgreement] = useState(detail.agreement?.slug ?? '');
  const [tolerance, setTolerance] = useState((fn.toleranceTenthsPercent / 10).toFixed(1));
  const [hasHeadline, setHasHeadline] = useState(fn.headlineTargetPence !== null);
  const [headline, setHeadline] = useState({
    amount: fn.headlineTargetPence === null ? '' : pounds(fn.headlineTargetPence),
    qualifier: fn.headlineQualifier ?? '',
    asWritten: fn.headlineAsWritten ?? '',
    paragraph: headlineSource?.paragraph ?? '',
    quote: headlineSource?.quote ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);

  const save = useMutation({
    mutationFn: async (body: FunctionEdit) => unwrap(await api.api.functions[':slug'].particulars.$put({ param: { slug: fn.slug }, json: body })),
    onSuccess: async () => {
      setErrors({});
      setSaved(true);
      await queryClient.invalidateQueries();
    },
    onError: (error) => {
      const issues = error instanceof ApiError ? ((error.body as { error?: { issues?: { path: string; message: string }[] } } | null)?.error?.issues ?? []) : [];
      const found: FieldErrors = {};
      for (const issue of issues) found[issue.path] ??= issue.message;
      setErrors(Object.keys(found).length > 0 ? found : { form: error instanceof ApiError ? error.message : 'Realise could not be reached. Try again.' });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const local: FieldErrors = {};
    const tenths = Math.round(Number(tolerance) * 10);
    if (tolerance.trim() === '' || !Number.isFinite(tenths)) local.toleranceTenthsPercent = 'Give the tolerance as a percentage, like 5.0.';
    let headlineBody: FunctionEdit['headline'] = null;
    if (hasHeadline) {
      const read = parsePoundsInput(headline.amount);
      if ('problem' in read) local['headline.amountPence'] = `Headline saving: ${read.problem}`;
      else headlineBody = { amountPence: read.pence, qualifier: (headline.qualifier || null) as NonNullable<FunctionEdit['headline']>['qualifier'], asWritten: headline.asWritten, paragraph: headline.paragraph, quote: headline.quote };
    }
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    save.mutate({ version: fn.version, name, description, leadForce: leadForce || null, agreement: agreement || null, toleranceTenthsPercent: tenths, headline: headlineBody });
  };

  const fieldIds = {
    name: 'ep-name',
    description: 'ep-description',
    leadForce: 'ep-lead',
    agreement: 'ep-agreement',
    toleranceTenthsPercent: 'ep-tolerance',
    'headline.amountPence': 'ep-headline-amount',
    'headline.asWritten': 'ep-headline-written',
    'headline.paragraph': 'ep-headline-paragraph',
    'headline.quote': 'ep-headline-quote',
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>Its savings lines and targets change by re-baselining; the audit log keeps what each particular was.</p>
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      {saved ? (
        <p className="notice notice-success" role="status">
          Saved. Every view now reads the corrected particulars.
        </p>
      ) : null}
      <TextField id="ep-name" label="Name" value={name} error={errors.name} onChange={(e) => setName(e.target.value)} />
      <TextField id="ep-description" label="Description" value={description} error={errors.description} onChange={(e) => setDescription(e.target.value)} />
      <Choice id="ep-lead" label="Lead force" error={errors.leadForce}>
        <select id="ep-lead" value={leadForce} onChange={(e) => setLeadForce(e.target.value)}>
          <option value="">None named</option>
          {[...new Map(members.map((m) => [m.force, m])).values()].map((m) => (
            <option key={m.force} value={m.force}>
              {m.forceName}
            </option>
          ))}
        </select>
      </Choice>
      <Choice id="ep-agreement" label="Section 22A agreement" error={errors.agreement}>
        <select id="ep-agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)}>
          <option value="">Not held in Realise</option>
          {agreements.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </Choice>
      <TextField id="ep-tolerance" label="Amber tolerance (%)" inputMode="decimal" value={tolerance} error={errors.toleranceTenthsPercent} onChange={(e) => setTolerance(e.target.value)} />
      <div className="form-group">
        <input type="checkbox" id="ep-has-headline" checked={hasHeadline} onChange={(e) => setHasHeadline(e.target.checked)} />
        <label htmlFor="ep-has-headline">Its business case states a headline saving</label>
      </div>
      {hasHeadline ? (
        <div className="headline-fields">
          <TextField id="ep-headline-amount" label="Headline saving (£)" inputMode="decimal" value={headline.amount} error={errors['headline.amountPence']} onChange={(e) => setHeadline({ ...headline, amount: e.target.value })} />
          <Choice id="ep-headline-qualifier" label="As it words it" error={errors['headline.qualifier']}>
            <select id="ep-headline-qualifier" value={headline.qualifier} onChange={(e) => setHeadline({ ...headline, qualifier: e.target.value })}>
              <option value="">Exactly</option>
              {choices.qualifiers.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </Choice>
          <TextField id="ep-headline-written" label="The figure as written" value={headline.asWritten} error={errors['headline.asWritten']} onChange={(e) => setHeadline({ ...headline, asWritten: e.target.value })} />
          <TextField id="ep-headline-paragraph" label="Its paragraph" value={headline.paragraph} error={errors['headline.paragraph']} onChange={(e) => setHeadline({ ...headline, paragraph: e.target.value })} />
          <TextField id="ep-headline-quote" label="Its words" value={headline.quote} error={errors['headline.quote']} onChange={(e) => setHeadline({ ...headline, quote: e.target.value })} />
        </div>
      ) : null}
      <button type="submit" className="button" disabled={save.isPending}>
        Save the corrections
      </button>
    </form>
  );
}
