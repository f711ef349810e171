export interface HelpAnswerProps {
  text: string;
  /** Commands the agent can run as they are. */
  examples: readonly string[];
  onPick: (example: string) => void;
}

export function HelpAnswer({ text, examples, onPick }: HelpAnswerProps) {
  return (
    <div className="help-answer">
      <p className="help-text">{text}</p>
      {examples.length > 0 && (
        <ul className="examples" aria-label="Examples">
          {examples.map((example) => (
            <li key={example}>
              <button type="button" className="example" onClick={() => onPick(example)}>
                {example}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
