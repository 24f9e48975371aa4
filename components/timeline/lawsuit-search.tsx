"use client";

// The lawsuit search field of the filter panel. Without JavaScript it is a plain text
// field whose words the form submits (`lawsuitq`) and the server resolves. With
// JavaScript it becomes a combobox that suggests lawsuits as the reader types
// (lawsuit-combobox.tsx), loaded once the page is idle or when the reader focuses the
// field: its code is not part of the timeline's first load (issue 9).
import { useEffect, useId, useRef, useState, type ComponentType } from "react";

import styles from "./filter-panel.module.css";
import type { LawsuitComboboxProps } from "./lawsuit-combobox";
import { LawsuitSearchFrame, wordsFieldProps } from "./lawsuit-search-frame";
import { whenIdle } from "./when-idle";

type Combobox = ComponentType<LawsuitComboboxProps>;

/** Once loaded, the combobox shows at once when the panel renders the field again. */
let loaded: Combobox | null = null;
const loadCombobox = () => import("./lawsuit-combobox").then((module) => (loaded = module.default));

export function LawsuitSearch({ defaultWords, onChoose }: { defaultWords: string; onChoose: (id: string) => void }) {
  const id = useId();
  const plain = useRef<HTMLInputElement>(null);
  // Null on the server and while hydrating: the plain field, as the server rendered it.
  const [enhanced, setEnhanced] = useState<{ Combobox: Combobox; words: string; focused: boolean } | null>(null);

  const enhance = () =>
    void loadCombobox().then(
      (Combobox) =>
        setEnhanced((current) => current ?? { Combobox, words: plain.current?.value ?? defaultWords, focused: !!plain.current && document.activeElement === plain.current }),
      // Offline or a failed chunk: the plain field still submits the words.
      () => {},
    );

  useEffect(() => {
    if (loaded) {
      enhance();
      return;
    }
    return whenIdle(enhance);
    // Once per mount: the panel gives the field a new key when its words should start again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (enhanced) return <enhanced.Combobox id={id} defaultWords={enhanced.words} focused={enhanced.focused} onChoose={onChoose} />;
  return (
    <LawsuitSearchFrame id={id}>
      <div className={styles.combobox}>
        <input ref={plain} {...wordsFieldProps(id)} defaultValue={defaultWords} onFocus={enhance} />
      </div>
    </LawsuitSearchFrame>
  );
}
