import type { ChangeEvent } from 'react';
import { filesFromInput } from '../actions/drop';
import { loadPicked } from '../actions/loading';
import { FILE_INPUT_ID, FOLDER_INPUT_ID } from '../store/ui';

function onPicked(e: ChangeEvent<HTMLInputElement>): void {
  const files = filesFromInput(e.currentTarget.files);
  e.currentTarget.value = '';
  void loadPicked(files);
}

/** The hidden inputs behind the file and folder pickers. */
export function FileInputs() {
  return (
    <div hidden>
      <input id={FILE_INPUT_ID} type="file" multiple onChange={onPicked} aria-label="Open profile files" />
      <input id={FOLDER_INPUT_ID} type="file" multiple onChange={onPicked} aria-label="Open a folder of profiles" {...{ webkitdirectory: '' }} />
    </div>
  );
}
