import type { IceServer, SignalMessage } from '../../../shared/protocol/index.ts';

export type Signal = Omit<SignalMessage, 'to'>;

/**
 * One RTCPeerConnection to the other person, with "perfect negotiation": either side may add or change
 * tracks at any time; when both offer at once, the polite side (the resident) yields.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;

  constructor(
    iceServers: IceServer[],
    private readonly polite: boolean,
    private readonly send: (s: Signal) => void,
    onRemoteTrack: (stream: MediaStream) => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        this.sendDescription();
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => {
      const c = candidate?.toJSON();
      this.send({ candidate: c ? { ...c, candidate: c.candidate ?? '' } : null });
    };
    const remote = new MediaStream();
    this.pc.ontrack = ({ track }) => {
      remote.addTrack(track);
      track.onended = () => remote.removeTrack(track);
      onRemoteTrack(remote);
    };
  }

  private sendDescription(): void {
    const d = this.pc.localDescription;
    if (d) this.send({ description: { type: d.type as 'offer' | 'answer', sdp: d.sdp } });
  }

  async receive(signal: Signal): Promise<void> {
    if (signal.description) {
      const offer = signal.description.type === 'offer';
      const collision = offer && (this.makingOffer || this.pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await this.pc.setRemoteDescription(signal.description);
      if (offer) {
        await this.pc.setLocalDescription();
        this.sendDescription();
      }
    } else if (signal.candidate !== undefined) {
      try {
        await this.pc.addIceCandidate(signal.candidate ?? undefined);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  /** Sends `track` in place of what is sent for its kind now (no renegotiation when a sender exists). */
  async setTrack(
    kind: 'audio' | 'video',
    track: MediaStreamTrack | null,
    stream: MediaStream,
  ): Promise<void> {
    const sender = this.pc
      .getSenders()
      .find((s) => s.track?.kind === kind || (s.track === null && senderKind(this.pc, s) === kind));
    if (sender) await sender.replaceTrack(track);
    else if (track) this.pc.addTrack(track, stream);
  }

  close(): void {
    this.pc.close();
  }
}

function senderKind(pc: RTCPeerConnection, sender: RTCRtpSender): string | undefined {
  return pc.getTransceivers().find((t) => t.sender === sender)?.receiver.track.kind;
}
