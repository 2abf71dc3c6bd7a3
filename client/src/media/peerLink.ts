import type { IceServer, SignalMessage } from '../../../shared/protocol/index.ts';

export type Signal = Pick<SignalMessage, 'description' | 'candidate'>;

/**
 * One RTCPeerConnection to the other person, with "perfect negotiation": either side may add or change
 * tracks at any time; when both offer at once, the polite side yields.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection;
  private makingOffer = false;
  private ignoreOffer = false;

  constructor(
    iceServers: IceServer[],
    private readonly polite: boolean,
    private readonly send: (s: Signal) => void,
    /** Everything this connection can receive, as a new stream object each time it changes. */
    onRemoteTracks: (stream: MediaStream) => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        this.sendDescription();
      } catch (err) {
        // A closed connection or a description overtaken by the other side's: the next round repairs it.
        if (this.pc.signalingState !== 'closed') console.warn('negotiation:', err);
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => {
      const c = candidate?.toJSON();
      this.send({ candidate: c ? { ...c, candidate: c.candidate ?? '' } : null });
    };
    // A fresh stream per change, so a <video> bound to the old one is re-bound and React sees the change.
    this.pc.ontrack = ({ track }) => {
      track.addEventListener('ended', () => onRemoteTracks(this.remoteStream()));
      onRemoteTracks(this.remoteStream());
    };
  }

  private remoteStream(): MediaStream {
    return new MediaStream(
      this.pc
        .getTransceivers()
        .filter((t) => t.currentDirection !== 'stopped' && t.receiver.track.readyState === 'live')
        .map((t) => t.receiver.track),
    );
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

  /**
   * Sends `track` (or nothing) for its kind. Reuses the kind's transceiver, including one the other
   * side's offer created: that one is receive-only, and a track on it is sent only once its direction
   * allows sending, which renegotiates. Without any transceiver of the kind, adds one.
   */
  async setTrack(
    kind: 'audio' | 'video',
    track: MediaStreamTrack | null,
    stream: MediaStream,
  ): Promise<void> {
    const transceiver = this.transceiverOf(kind);
    if (!transceiver) {
      if (track) this.pc.addTrack(track, stream);
      return;
    }
    await transceiver.sender.replaceTrack(track);
    if (!track) return;
    transceiver.sender.setStreams(stream);
    if (transceiver.direction === 'recvonly') transceiver.direction = 'sendrecv';
    else if (transceiver.direction === 'inactive') transceiver.direction = 'sendonly';
  }

  private transceiverOf(kind: 'audio' | 'video'): RTCRtpTransceiver | undefined {
    return this.pc
      .getTransceivers()
      .find(
        (t) => t.currentDirection !== 'stopped' && (t.sender.track?.kind ?? t.receiver.track.kind) === kind,
      );
  }

  close(): void {
    this.pc.close();
  }
}
