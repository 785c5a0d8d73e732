// The survey as the customer will see it on the public page (/s/…), drawn from the builder's draft as it is typed:
// the score as a row of numbers with the words at its ends, the choices, the text boxes. For looking only.
import type { SurveyKind } from '../../api/types.ts';
import { isScored, SCALES, scoresOf } from '../../surveys/scales.ts';
import { optionsOf, type QuestionDraft } from '../../surveys/draft.ts';

export function SurveyPreview({ kind, questions }: { kind: SurveyKind; questions: readonly QuestionDraft[] }) {
  return (
    <section className="survey-preview" aria-labelledby="survey-preview-heading" data-testid="survey-preview">
      <h2 id="survey-preview-heading" className="survey-preview-heading">
        Preview
      </h2>
      <p className="muted">What the customer sees on the page the link opens.</p>
      <div className="survey-page">
        <p className="survey-page-title">A few questions from your company</p>
        <p>Your answers go to the people who work here, and a person reads every comment.</p>
        {questions.map((question, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the preview follows the form's order; ids may repeat while typed
          <PreviewQuestion key={index} kind={kind} question={question} />
        ))}
        <span className="survey-page-button">Send my answers</span>
      </div>
    </section>
  );
}

function PreviewQuestion({ kind, question }: { kind: SurveyKind; question: QuestionDraft }) {
  const prompt = question.prompt.trim() || '(no question written yet)';
  switch (question.type) {
    case 'score': {
      if (!isScored(kind)) return null;
      const scale = SCALES[kind];
      return (
        <div className="survey-page-question">
          <p className="survey-page-prompt">{prompt}</p>
          <ol className="survey-page-scale" aria-label={`Scale from ${scale.min} to ${scale.max}`}>
            {scoresOf(kind).map((score) => (
              <li key={score}>{score}</li>
            ))}
          </ol>
          <p className="survey-page-ends">
            <span>
              {scale.min}: {scale.low}
            </span>
            <span>
              {scale.max}: {scale.high}
            </span>
          </p>
        </div>
      );
    }
    case 'choice':
      return (
        <div className="survey-page-question">
          <p className="survey-page-prompt">{prompt}</p>
          <ul className={question.multiple ? 'survey-page-options multiple' : 'survey-page-options'}>
            {optionsOf(question.options).map((option, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options may repeat while typed
              <li key={index}>{option}</li>
            ))}
          </ul>
        </div>
      );
    case 'text':
      return (
        <div className="survey-page-question">
          <p className="survey-page-prompt">
            {prompt}
            {!question.required && <span className="survey-page-optional"> (optional)</span>}
          </p>
          <div className="survey-page-text" />
        </div>
      );
  }
}
