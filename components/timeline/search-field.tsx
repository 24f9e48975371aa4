"use client";

// A search field of the filter panel: the lawsuit's, the policy's or the agency's (the
// filters whose values are too many to list). Without JavaScript it is a plain text
// field whose words the form submits (`lawsuitq`, `policyq`, `agencyq`) and the server
// resolves. With JavaScript it becomes a combobox that suggests values as the reader
// types (search-combobox.tsx), loaded once the page is idle or when the reader focuses
// the field: its code is not part of the timeline's first load (issue 9).
import { useEffect, useId, useRef, useState, type ComponentType } from "react";

import type { SearchedParam } from "@/lib/filters/params";

import styles from "./filter-panel.module.css";
import type { SearchComboboxProps } from "./search-combobox";
import { SearchFieldFrame, wordsFieldProps } from "./search-field-frame";
import { whenIdle } from "./when-idle";

type Combobox = ComponentType<SearchComboboxProps>;

/** Once loaded, the combobox shows at once when the panel renders a field again. */
let loaded: Combobox | null = null;
const loadCombobox = () => import("./search-combobox").then((module) => (loaded = module.default));

export function SearchField({ param, defaultWords, onChoose }: { param: SearchedParam; defaultWords: string; onChoose: (value: string) => void }) {
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

  if (enhanced) return <enhanced.Combobox id={id} param={param} defaultWords={enhanced.words} focused={enhanced.focused} onChoose={onChoose} />;
  return (
    <SearchFieldFrame id={id} param={param}>
      <div className={styles.combobox}>
        <input ref={plain} {...wordsFieldProps(id, param)} defaultValue={defaultWords} onFocus={enhance} />
      </div>
    </SearchFieldFrame>
  );
}
