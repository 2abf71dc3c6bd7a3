import { JanusSession } from './janusSession.ts';
import type { SfuInfo } from './sfuStage.ts';

export interface SfuPublisher {
  /** Janus's id for this feed, so our own feeds are not watched back. */
  feed: number;
  pc: RTCPeerConnection;
  close(): void;
}

/**
 * The camera goes out in three sizes (simulcast; Janus's default rid order is high first): Janus sends
 * each viewer the one its connection carries. Chromium drops the layers a small picture does not need.
 */
const SIMULCAST: RTCRtpEncodingParameters[] = [
  { rid: 'h', maxBitrate: 700_000 },
  { rid: 'm', maxBitrate: 250_000, scaleResolutionDownBy: 2 },
  { rid: 'l', maxBitrate: 90_000, scaleResolutionDownBy: 4 },
];

/**
 * Sends `stream` (camera and microphone, or a speaker's microphone alone) to the event's VideoRoom as the
 * publisher id the briefing handed out (Janus removes publishers with any other id).
 */
export async function sfuPublish(
  info: SfuInfo,
  feed: number,
  display: string,
  stream: MediaStream,
): Promise<SfuPublisher> {
  const session = await JanusSession.create(info.url, info.token);
  try {
    const handle = await session.attach();
    await handle.send({
      request: 'join',
      ptype: 'publisher',
      room: info.room,
      pin: info.pin,
      id: feed,
      display: display.slice(0, 64),
    });
    const pc = new RTCPeerConnection({ iceServers: info.iceServers });
    for (const t of stream.getTracks())
      pc.addTransceiver(t, {
        direction: 'sendonly',
        streams: [stream],
        ...(t.kind === 'video' ? { sendEncodings: SIMULCAST } : {}),
      });
    pc.onicecandidate = ({ candidate }) => handle.trickle(candidate ? candidate.toJSON() : null);
    await pc.setLocalDescription(await pc.createOffer());
    const answer = await handle.send(
      {
        request: 'configure',
        audio: stream.getAudioTracks().length > 0,
        video: stream.getVideoTracks().length > 0,
      },
      pc.localDescription!.toJSON(),
    );
    if (answer.jsep) await pc.setRemoteDescription(answer.jsep);
    return {
      feed,
      pc,
      close() {
        pc.close();
        session.destroy();
      },
    };
  } catch (err) {
    session.destroy();
    throw err;
  }
}
