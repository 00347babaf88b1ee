package callstats.lake.jobs.simulate;

import java.util.SplittableRandom;

/**
 * The rating a participant gives after the call, correlated with what it experienced: audio concealment and loss,
 * video freezes, delay, drops and one-way media lower it; a participant that never connected rates 1 or 2.
 */
final class Feedback {

  private Feedback() {}

  record Rating(int overall, Integer audio, Integer video, Integer screen, String comment) {}

  static Rating rate(Member m, SplittableRandom rng) {
    if (!m.connectedEver) {
      return new Rating(rng.nextDouble() < 0.65 ? 1 : 2, null, null, null,
          rng.nextBoolean() ? "Could not join the call" : null);
    }
    long audioSamples = 0;
    long concealed = 0;
    long audioExpected = 0;
    long audioLost = 0;
    long videoExpected = 0;
    long videoLost = 0;
    double freezeS = 0;
    double videoS = 0;
    double rttSum = 0;
    int rttN = 0;
    boolean video = false;
    boolean screen = false;
    boolean oneWay = false;
    for (RtpFlow f : m.received) {
      if (f.samples == 0) {
        continue;
      }
      oneWay |= f.everOneWay;
      if (f.audio()) {
        audioSamples += f.reportedTotal(RtpFlow.SAMPLES_RECEIVED);
        concealed += f.reportedTotal(RtpFlow.CONCEALED);
        audioExpected += f.reportedTotal(RtpFlow.EXPECTED);
        audioLost += f.reportedTotal(RtpFlow.LOST);
        if (f.source.rttN > 0) {
          rttSum += f.source.rttSumMs / f.source.rttN;
          rttN++;
        }
      } else {
        video |= f.source.mediaType.equals("video");
        screen |= f.source.mediaType.equals("screen");
        videoExpected += f.reportedTotal(RtpFlow.EXPECTED);
        videoLost += f.reportedTotal(RtpFlow.LOST);
        freezeS += f.reportedTotalD(RtpFlow.D_FREEZE_S);
        videoS += Math.max(1, (f.lastSampleMs - f.startMs) / 1000.0);
      }
    }
    double concealPct = audioSamples == 0 ? 0 : 100.0 * concealed / audioSamples;
    double audioLossPct = audioExpected == 0 ? 0 : 100.0 * audioLost / audioExpected;
    double videoLossPct = videoExpected == 0 ? 0 : 100.0 * videoLost / videoExpected;
    double freezePerMinute = videoS == 0 ? 0 : freezeS / (videoS / 60);
    double rtt = rttN == 0 ? 0 : rttSum / rttN;

    double audioPenalty = (concealPct > 12 ? 3 : concealPct > 6 ? 2 : concealPct > 2 ? 1 : 0)
        + (audioLossPct > 3 ? 0.5 : 0) + (rtt > 300 ? 0.7 : 0);
    double videoPenalty = (freezePerMinute > 15 ? 3 : freezePerMinute > 5 ? 2 : freezePerMinute > 1 ? 1 : 0)
        + (videoLossPct > 5 ? 0.5 : 0);
    double trouble = (m.drops > 0 ? 0.8 : 0) + (oneWay ? 1.2 : 0);
    int overall = clamp(4.7 - 0.6 * audioPenalty - 0.4 * videoPenalty - trouble + 0.5 * rng.nextGaussian());
    Integer audio = audioSamples == 0 ? null : clamp(4.8 - 0.9 * audioPenalty - trouble / 2
        + 0.5 * rng.nextGaussian());
    Integer videoRating = !video ? null : clamp(4.7 - 0.9 * videoPenalty - trouble / 2 + 0.5 * rng.nextGaussian());
    Integer screenRating = !screen ? null : clamp(4.6 - 0.5 * videoPenalty + 0.5 * rng.nextGaussian());
    String comment = null;
    if (overall <= 2) {
      comment = oneWay ? "Could not hear the others" : m.drops > 0 ? "The call dropped"
          : audioPenalty >= videoPenalty ? (rtt > 300 ? "Big delay in the conversation" : "Audio was choppy")
          : "Video kept freezing";
    } else if (overall == 5 && rng.nextDouble() < 0.3) {
      comment = "Great call";
    }
    return new Rating(overall, audio, videoRating, screenRating, comment);
  }

  private static int clamp(double v) {
    return (int) Math.max(1, Math.min(5, Math.round(v)));
  }
}
