import { Button, Field, Input, Radio, RadioGroup, Select, Textarea } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { ReactNode } from "react";
import type { ContactsSource } from "../../excel/gateway.types";
import { useI18n } from "../i18n/useI18n";
import { singleClick } from "../shared/singleClick";
import { exportSheets, proposedSheet } from "./contactSheets";
import { useTrackStyles } from "./useTrackStyles.styles";

export interface ImportPanelProps {
  busy: boolean;
  asOf: string;
  onAsOf: (asOf: string) => void;
  onUpdate: (source: ContactsSource | null) => void;
  /** The workbook's visible sheets, offered as the sheet the export was pasted in. */
  listSheets: () => Promise<string[]>;
}

type From = "paste" | "sheet";

/** Paste the CRM export (or name the sheet it was pasted in), then one click does the rest. */
export function ImportPanel({ busy, asOf, onAsOf, onUpdate, listSheets }: ImportPanelProps): ReactNode {
  const { t } = useI18n();
  const styles = useTrackStyles();
  const [from, setFrom] = useState<From>("paste");
  const [csv, setCsv] = useState("");
  const [sheet, setSheet] = useState("");
  const [sheets, setSheets] = useState<readonly string[]>([]);
  // The sheets are read when the rep picks "a sheet" (new ones may have been pasted since): the last one
  // used stays chosen, else the one named like an export.
  useEffect(() => {
    if (from !== "sheet") return;
    let live = true;
    listSheets()
      .then((names) => {
        if (!live) return;
        const candidates = exportSheets(names);
        setSheets(candidates);
        setSheet((last) => proposedSheet(candidates, last));
      })
      .catch(() => {
        if (live) setSheets([]);
      });
    return () => {
      live = false;
    };
  }, [from, listSheets]);
  const source: ContactsSource | null =
    from === "paste"
      ? csv.trim() === ""
        ? null
        : { csv, sourceName: "CRM" }
      : sheet.trim() === ""
        ? null
        : { sheet: sheet.trim() };

  return (
    <section className={styles.section} aria-label={t("track.import")}>
      <RadioGroup
        layout="horizontal"
        aria-label={t("track.importFrom")}
        value={from}
        onChange={(_, data) => {
          setFrom(data.value === "sheet" ? "sheet" : "paste");
        }}
      >
        <Radio value="paste" label={t("track.fromPaste")} />
        <Radio value="sheet" label={t("track.fromSheet")} />
      </RadioGroup>
      {from === "paste" ? (
        <>
          <Field label={t("track.csv")} hint={t("track.csvHint")}>
            <Textarea
              resize="vertical"
              rows={4}
              value={csv}
              onChange={(_, data) => {
                setCsv(data.value);
              }}
            />
          </Field>
          <Field label={t("track.file")}>
            {(fieldProps) => (
              <input
                {...fieldProps}
                type="file"
                accept=".csv,text/csv,text/plain"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  if (file !== undefined) void readText(file).then(setCsv);
                }}
              />
            )}
          </Field>
        </>
      ) : (
        <Field label={t("track.sheet")} hint={sheets.length === 0 ? t("track.noSheet") : undefined}>
          <Select
            value={sheet}
            onChange={(_, data) => {
              setSheet(data.value);
            }}
          >
            <option value="">{t("track.chooseSheet")}</option>
            {sheets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Field label={t("track.asOf")}>
          <Input
            type="date"
            value={asOf}
            onChange={(_, data) => {
              if (data.value !== "") onAsOf(data.value);
            }}
          />
        </Field>
        <Button
          appearance="primary"
          disabled={busy || source === null}
          onClick={singleClick(() => {
            onUpdate(source);
          })}
        >
          {t("track.update")}
        </Button>
        <Button
          disabled={busy}
          onClick={() => {
            onUpdate(null);
          }}
        >
          {t("track.recompute")}
        </Button>
      </div>
    </section>
  );
}

/** FileReader rather than Blob.text(): older Office web views lack the latter. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(typeof reader.result === "string" ? reader.result : "");
    };
    reader.onerror = () => {
      reject(reader.error ?? new Error("The file could not be read."));
    };
    reader.readAsText(file);
  });
}
