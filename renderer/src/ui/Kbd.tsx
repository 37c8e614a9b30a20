/** A keyboard shortcut as printed on the keys: "Ctrl K" → Ctrl + K. */
export function Kbd({ keys }: { keys: string }) {
  const parts = keys.split(' ');
  return (
    <span className="kbd" aria-hidden="true">
      {parts.map((part, i) => (
        <kbd key={i}>{part}</kbd>
      ))}
    </span>
  );
}
