import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import type { NewFunction, PortfolioChoices } from '../../../server/contracts/portfolio';
import { fiscalYearWords } from '../../../server/contracts/words';
import { fiscalYearFromStartYear, fiscalYearsBetween } from '../../../server/domain/fiscal';
import { ApiError, api, unwrap } from '../../api/client';
import { Choice, ErrorSummary, TextField, type FieldErrors } from '../../components/Form';
import { QueryState } from '../../components/QueryState';
import { CATEGORY_LABEL, KIND_LABEL, RECURRENCE_LABEL } from '../../lib/labels';
import { parsePoundsInput } from '../../lib/money-input';
import { usePageTitle } from '../../lib/page';
import { BusinessCaseUpload } from './BusinessCaseUpload';
import { formatPaperDate } from '../../lib/dates';

// Adding a collaborated function with its business case: the function, the document its targets
// come from, and a grid of savings lines × financial years. The server checks every rule and
// answers with each problem at its field; this screen only gathers what the officer types.

type LineDraft = Omit<NewFunction['lines'][number], 'targets'> & { key: number; amounts: Record<string, string> };

const YEAR_CHOICES = Array.from({ length: 21 }, (_, i) => fiscalYearFromStartYear(2014 + i));
const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

let nextKey = 1;
const blankLine = (): LineDraft => ({ key: nextKey++, name: '', category: 'unspecified', driver: '', kind: 'cashable', recurrence: 'recurring', amounts: {} });

export function NewFunctionPage() {
  usePageTitle('Add a function');
  const choices = useQuery({ queryKey: ['portfolio', 'choices'], queryFn: async () => unwrap(await api.api.portfolio.choices.$get()) });
  return (
    <>
      <h1>Add a function to the portfolio</h1>
      <p className="lead">
        A collaborated function and its business case: its savings lines and the target of each financial year. Once added, force editors
        record against it and it appears on the portfolio, its forces’ views and the next six-monthly report.
      </p>
      <QueryState query={choices} what="the collaborations and agreements">
        {(data) => <NewFunctionForm choices={data} />}
      </QueryState>
      <BusinessCaseUpload />
    </>
  );
}

function NewFunctionForm({ choices }: { choices: PortfolioChoices }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [collaboration, setCollaboration] = useState(choices.collaborations[0]?.slug ?? '');
  const [leadForce, setLeadForce] = useState('');
  const [agreement, setAgreement] = useState('');
  const [description, setDescription] = useState('');
  const [tolerance, setTolerance] = useState('5.0');
  const [caseTitle, setCaseTitle] = useState('');
  const [caseDate, setCaseDate] = useState('');
  const [caseParagraph, setCaseParagraph] = useState('');
  const [caseQuote, setCaseQuote] = useState('');
  const [hasHeadline, setHasHeadline] = useState(false);
  const [headline, setHeadline] = useState({ amount: '', qualifier: '', asWritten: '', paragraph: '', quote: '' });
  const [fromYear, setFromYear] = useState('2018-19');
  const [toYear, setToYear] = useState('2020-21');
  const [lines, setLines] = useState<LineDraft[]>([blankLine()]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const chosen = choices.collaborations.find((c) => c.slug === collaboration);
  const agreements = choices.agreements.filter((a) => a.collaboration === null || a.collaboration === collaboration);
  const years = useMemo(() => (fromYear <= toYear ? fiscalYearsBetween(fromYear, toYear) : []), [fromYear, toYear]);
  const setLine = (key: number, change: Partial<LineDraft>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...change } : l)));

  // What was sent, so a problem the server finds at lines.1.targets.2 can be shown in its cell.
  const build = (): { body: NewFunction; sentYears: string[][]; local: FieldErrors } => {
    const local: FieldErrors = {};
    const sentYears: string[][] = [];
    const body: NewFunction = {
      slug,
      name,
      collaboration,
      leadForce: leadForce || null,
      agreement: agreement || null,
      description,
      toleranceTenthsPercent: Math.round(Number(tolerance) * 10),
      businessCase: { title: caseTitle, date: caseDate, paragraph: caseParagraph, quote: caseQuote },
      headline: null,
      lines: lines.map((line, i) => {
        const targets: { fiscalYear: string; amountPence: number }[] = [];
        sentYears[i] = [];
        for (const fy of years) {
          const text = line.amounts[fy]?.trim() ?? '';
          if (text === '') continue;
          const read = parsePoundsInput(text);
          if ('problem' in read) local[`lines.${i}.targets.${fy}`] = `${line.name || `Line ${i + 1}`}, ${fiscalYearWords(fy)}: ${read.problem}`;
          else {
            targets.push({ fiscalYear: fy, amountPence: read.pence });
            sentYears[i]!.push(fy);
          }
        }
        return { name: line.name, category: line.category, driver: line.driver, kind: line.kind, recurrence: line.recurrence, targets };
      }),
    };
    if (!Number.isFinite(Number(tolerance)) || tolerance.trim() === '') local.toleranceTenthsPercent = 'Give the tolerance as a percentage, like 5.0.';
    if (hasHeadline) {
      const read = parsePoundsInput(headline.amount);
      if ('problem' in read) local['headline.amountPence'] = `Headline saving: ${read.problem}`;
      body.headline = {
        amountPence: 'problem' in read ? 0 : read.pence,
        qualifier: (headline.qualifier || null) as NonNullable<NewFunction['headline']>['qualifier'],
        asWritten: headline.asWritten,
        paragraph: headline.paragraph,
        quote: headline.quote,
      };
    }
    return { body, sentYears, local };
  };

  const add = useMutation({
    mutationFn: async (body: NewFunction) => unwrap(await api.api.functions.$post({ json: body })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries();
      navigate(`/functions/${created.slug}?added=1`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { body, sentYears, local } = build();
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setErrors({});
    add.mutate(body, {
      onError: (error) => {
        const issues = error instanceof ApiError ? ((error.body as { error?: { issues?: { path: string; message: string }[] } } | null)?.error?.issues ?? []) : [];
        const found: FieldErrors = {};
        for (const issue of issues) {
          // A target's problem is shown in its cell: the server numbers the targets sent, the screen knows their years.
          const cell = /^lines\.(\d+)\.targets\.(\d+)/.exec(issue.path);
          const key = cell ? `lines.${cell[1]}.targets.${sentYears[Number(cell[1])]?.[Number(cell[2])] ?? cell[2]}` : issue.path;
          found[key] ??= issue.message;
        }
        setErrors(Object.keys(found).length > 0 ? found : { form: error instanceof ApiError ? error.message : 'The function could not be added. Try again.' });
      },
    });
  };

  const fieldIds: Record<string, string> = {
    slug: 'nf-slug',
    name: 'nf-name',
    collaboration: 'nf-collaboration',
    leadForce: 'nf-lead',
    agreement: 'nf-agreement',
    description: 'nf-description',
    toleranceTenthsPercent: 'nf-tolerance',
    'businessCase.title': 'nf-case-title',
    'businessCase.date': 'nf-case-date',
    'businessCase.paragraph': 'nf-case-paragraph',
    'businessCase.quote': 'nf-case-quote',
    'headline.amountPence': 'nf-headline-amount',
    'headline.asWritten': 'nf-headline-written',
    'headline.paragraph': 'nf-headline-paragraph',
    'headline.quote': 'nf-headline-quote',
    lines: 'nf-lines',
  };
  lines.forEach((_, i) => {
    for (const field of ['name', 'driver', 'category', 'kind', 'recurrence']) fieldIds[`lines.${i}.${field}`] = `nf-line-${i}-${field}`;
    for (const fy of years) fieldIds[`lines.${i}.targets.${fy}`] = `nf-line-${i}-${fy}`;
  });

  return (
    <form onSubmit={submit} noValidate className="new-function">
      <ErrorSummary errors={errors} fieldIds={fieldIds} />
      <fieldset>
        <legend>The function</legend>
        <TextField
          id="nf-name"
          label="Name"
          value={name}
          error={errors.name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugOf(e.target.value));
          }}
        />
        <TextField
          id="nf-slug"
          label="Its id in addresses"
          hint="Lower case and hyphens; it cannot be changed later. Made from the name until you change it."
          value={slug}
          error={errors.slug}
          onChange={(e) => (setSlug(e.target.value), setSlugTouched(true))}
        />
        <Choice id="nf-collaboration" label="Collaboration" error={errors.collaboration}>
          <select id="nf-collaboration" value={collaboration} onChange={(e) => (setCollaboration(e.target.value), setLeadForce(''), setAgreement(''))}>
            {choices.collaborations.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </Choice>
        {chosen ? (
          <p className="hint" id="nf-members">
            Its members: {chosen.members.map((m) => `${m.forceName} (from ${formatPaperDate(m.joinedOn)}${m.leftOn ? `, left ${formatPaperDate(m.leftOn)}` : ''})`).join('; ')}. Each
            year’s figures are split equally between the forces that were members that year, marked as Realise’s assumption until shares are
            entered.
          </p>
        ) : null}
        <Choice id="nf-lead" label="Lead force" error={errors.leadForce}>
          <select id="nf-lead" value={leadForce} onChange={(e) => setLeadForce(e.target.value)}>
            <option value="">None named in the business case</option>
            {chosen?.members.map((m) => (
              <option key={m.force} value={m.force}>
                {m.forceName}
              </option>
            ))}
          </select>
        </Choice>
        <Choice id="nf-agreement" label="Section 22A agreement" error={errors.agreement}>
          <select id="nf-agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)}>
            <option value="">Not in Realise yet</option>
            {agreements.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </Choice>
        <Choice id="nf-description" label="What it does" error={errors.description}>
          <textarea id="nf-description" rows={3} maxLength={2000} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Choice>
        <TextField
          id="nf-tolerance"
          label="Amber tolerance (%)"
          hint="How far below target delivery may be and still be amber, not red. Realise’s functions use 5.0."
          inputMode="decimal"
          value={tolerance}
          error={errors.toleranceTenthsPercent}
          onChange={(e) => setTolerance(e.target.value)}
        />
      </fieldset>

      <fieldset>
        <legend>The business case its targets come from</legend>
        <p className="hint">Realise keeps the citation, not the document: say where the targets are set out and quote its words.</p>
        <TextField id="nf-case-title" label="Title" value={caseTitle} error={errors['businessCase.title']} onChange={(e) => setCaseTitle(e.target.value)} />
        <TextField id="nf-case-date" label="Date" hint="As precise as it gives: 2018-03-14 or 2018-03." value={caseDate} error={errors['businessCase.date']} onChange={(e) => setCaseDate(e.target.value)} />
        <TextField id="nf-case-paragraph" label="Paragraph" hint="Where the targets are, like 5.2." value={caseParagraph} error={errors['businessCase.paragraph']} onChange={(e) => setCaseParagraph(e.target.value)} />
        <Choice id="nf-case-quote" label="Its words for the savings" error={errors['businessCase.quote']}>
          <textarea id="nf-case-quote" rows={2} maxLength={600} value={caseQuote} onChange={(e) => setCaseQuote(e.target.value)} />
        </Choice>
        <div className="form-group checkbox">
          <input type="checkbox" id="nf-has-headline" checked={hasHeadline} onChange={(e) => setHasHeadline(e.target.checked)} />
          <label htmlFor="nf-has-headline">It states a headline saving</label>
        </div>
        {hasHeadline ? (
          <div className="headline-fields">
            <TextField id="nf-headline-amount" label="Headline saving (£)" inputMode="decimal" value={headline.amount} error={errors['headline.amountPence']} onChange={(e) => setHeadline({ ...headline, amount: e.target.value })} />
            <Choice id="nf-headline-qualifier" label="As it words it" error={errors['headline.qualifier']}>
              <select id="nf-headline-qualifier" value={headline.qualifier} onChange={(e) => setHeadline({ ...headline, qualifier: e.target.value })}>
                <option value="">Exactly</option>
                {choices.qualifiers.map((q) => (
                  <option key={q} value={q}>
                    {q}
                  </option>
                ))}
              </select>
            </Choice>
            <TextField id="nf-headline-written" label="The figure as written" hint="Like £1.2m." value={headline.asWritten} error={errors['headline.asWritten']} onChange={(e) => setHeadline({ ...headline, asWritten: e.target.value })} />
            <TextField id="nf-headline-paragraph" label="Its paragraph" value={headline.paragraph} error={errors['headline.paragraph']} onChange={(e) => setHeadline({ ...headline, paragraph: e.target.value })} />
            <TextField id="nf-headline-quote" label="Its words" value={headline.quote} error={errors['headline.quote']} onChange={(e) => setHeadline({ ...headline, quote: e.target.value })} />
          </div>
        ) : null}
      </fieldset>

      <fieldset id="nf-lines" tabIndex={-1}>
        <legend>Savings lines and their yearly targets</legend>
        {errors.lines ? <p className="error-message">{errors.lines}</p> : null}
        <div className="year-range">
          <YearChoice id="nf-from" label="First year" value={fromYear} onChange={setFromYear} />
          <YearChoice id="nf-to" label="Last year" value={toYear} onChange={setToYear} />
        </div>
        <p className="hint">Targets in pounds, like 300,000 or 0.3m. Leave a year blank where the line has no target.</p>
        <div className="table-scroll">
          <table className="target-grid">
            <caption className="visually-hidden">Each savings line and its target in each financial year</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">What it is</th>
                {years.map((fy) => (
                  <th scope="col" key={fy}>
                    {fiscalYearWords(fy)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, i) => (
                <tr key={line.key}>
                  <td>
                    <CellInput id={`nf-line-${i}-name`} label={`Line ${i + 1}: name`} value={line.name} error={errors[`lines.${i}.name`]} onChange={(v) => setLine(line.key, { name: v })} />
                    <CellInput id={`nf-line-${i}-driver`} label={`Line ${i + 1}: what drives the saving`} value={line.driver} error={errors[`lines.${i}.driver`]} onChange={(v) => setLine(line.key, { driver: v })} />
                  </td>
                  <td className="line-kinds">
                    <CellSelect id={`nf-line-${i}-category`} label="Category" value={line.category} options={{ ...CATEGORY_LABEL, unspecified: 'Not stated' }} onChange={(v) => setLine(line.key, { category: v as LineDraft['category'] })} />
                    <CellSelect id={`nf-line-${i}-kind`} label="Kind" value={line.kind} options={KIND_LABEL} onChange={(v) => setLine(line.key, { kind: v as LineDraft['kind'] })} />
                    <CellSelect id={`nf-line-${i}-recurrence`} label="Recurs" value={line.recurrence} options={RECURRENCE_LABEL} onChange={(v) => setLine(line.key, { recurrence: v as LineDraft['recurrence'] })} />
                  </td>
                  {years.map((fy) => (
                    <td key={fy}>
                      <CellInput
                        id={`nf-line-${i}-${fy}`}
                        label={`${line.name || `Line ${i + 1}`}, target for ${fiscalYearWords(fy)} (£)`}
                        hideLabel
                        inputMode="decimal"
                        value={line.amounts[fy] ?? ''}
                        error={errors[`lines.${i}.targets.${fy}`]}
                        onChange={(v) => setLine(line.key, { amounts: { ...line.amounts, [fy]: v } })}
                      />
                    </td>
                  ))}
                  <td>
                    {lines.length > 1 ? (
                      <button type="button" className="link-button" onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
                        Remove<span className="visually-hidden"> {line.name || `line ${i + 1}`}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" className="button button-secondary" onClick={() => setLines((all) => [...all, blankLine()])}>
          Add a line
        </button>
      </fieldset>
      {errors.form ? <p className="error-message">{errors.form}</p> : null}
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add the function'}
      </button>
    </form>
  );
}

function YearChoice({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (fy: string) => void }) {
  return (
    <Choice id={id} label={label}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {YEAR_CHOICES.map((fy) => (
          <option key={fy} value={fy}>
            {fiscalYearWords(fy)}
          </option>
        ))}
      </select>
    </Choice>
  );
}

function CellInput({
  id,
  label,
  value,
  error,
  onChange,
  hideLabel = false,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  onChange: (value: string) => void;
  hideLabel?: boolean;
  inputMode?: 'decimal';
}) {
  return (
    <div className={error ? 'cell-field form-group-error' : 'cell-field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'cell-label'}>
        {label}
      </label>
      <input id={id} value={value} inputMode={inputMode} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)} />
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function CellSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: Record<string, string>; onChange: (value: string) => void }) {
  return (
    <div className="cell-field">
      <label htmlFor={id} className="cell-label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {Object.entries(options).map(([key, words]) => (
          <option key={key} value={key}>
            {words}
          </option>
        ))}
      </select>
    </div>
  );
}
