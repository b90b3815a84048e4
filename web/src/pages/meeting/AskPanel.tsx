import { useState, type FormEvent } from 'react';
import { api, type ApiError } from '../../api/client.ts';
import type { Answer, TextStyle } from '../../api/types.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { ProblemNotice } from '../../ui/ProblemNotice.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { LoadingLine } from '../../ui/Spinner.tsx';
import { Citations } from './Citations.tsx';

interface Exchange {
  id: number;
  question: string;
  answer?: Answer;
  error?: ApiError;
}

function Reply({ exchange, onCite }: { exchange: Exchange; onCite(segment: number): void }) {
  if (exchange.error) return <ProblemNotice error={exchange.error} action="answer the question" />;
  if (!exchange.answer) return <LoadingLine>Searching the transcript…</LoadingLine>;
  const { answer, citations, covered } = exchange.answer;
  if (!covered) {
    return (
      <div className="answer answer-not-covered">
        <Badge tone="warning">Not covered</Badge>
        <p>{answer}</p>
      </div>
    );
  }
  return (
    <div className="answer">
      <p>
        {answer} <Citations citations={citations} onCite={onCite} />
      </p>
    </div>
  );
}

/**
 * "Ask about this meeting": answers come from the transcript with citations,
 * and a question the meeting did not discuss is answered as such.
 */
export function AskPanel({ meetingId, onCite }: { meetingId: string; onCite(segment: number): void }) {
  const [question, setQuestion] = useState('');
  const [style, setStyle] = useState<TextStyle>('quotes');
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const busy = exchanges.some((e) => !e.answer && !e.error);

  const ask = async (event: FormEvent) => {
    event.preventDefault();
    const text = question.trim();
    if (!text || busy) return;
    const id = Date.now();
    setExchanges((all) => [{ id, question: text }, ...all]);
    setQuestion('');
    const settle = (patch: Partial<Exchange>) => setExchanges((all) => all.map((e) => (e.id === id ? { ...e, ...patch } : e)));
    try {
      settle({ answer: await api<Answer>(`/v1/meetings/${meetingId}/questions`, { method: 'POST', body: { question: text, style } }) });
    } catch (error) {
      settle({ error: error as ApiError });
    }
  };

  return (
    <section className="ask card card-pad" aria-labelledby="ask-heading">
      <h2 id="ask-heading">Ask about this meeting</h2>
      <form className="ask-form" onSubmit={ask}>
        <TextField label="Your question" hideLabel placeholder="e.g. Who were the five vendors mentioned?" value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={2000} />
        <Button type="submit" variant="primary" disabled={!question.trim()} busy={busy}>
          Ask
        </Button>
      </form>
      <Segmented<TextStyle>
        label="Answer style"
        options={[{ value: 'quotes', label: 'Quotes' }, { value: 'minutes', label: 'Minutes' }]}
        value={style}
        onChange={setStyle}
      />
      {exchanges.length > 0 && (
        <ol className="exchanges" aria-live="polite">
          {exchanges.map((e) => (
            <li key={e.id} className="exchange">
              <p className="question">{e.question}</p>
              <Reply exchange={e} onCite={onCite} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
