import {
  audioOnly,
  chooseDevice,
  startMedia,
  startScreenShare,
  stopScreenShare,
  textOnly,
  toggleCamera,
  toggleMicrophone,
} from '../media/consultationMedia.ts';
import { endConsultation, shareProcedure } from '../net/consultationConnection.ts';

/** What the consultation UI may ask of media and the room. */
export const mediaActions = {
  start: (mode: 'video' | 'audio') => void startMedia(mode),
  toggleMicrophone,
  toggleCamera: () => void toggleCamera(),
  audioOnly: () => void audioOnly(),
  textOnly: () => void textOnly(),
  chooseDevice: (kind: 'camera' | 'microphone', id: string) => void chooseDevice(kind, id),
  shareScreen: () => void startScreenShare(),
  stopScreen: () => void stopScreenShare(),
  shareProcedure,
  end: endConsultation,
};
