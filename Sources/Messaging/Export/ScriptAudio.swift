/// Reads a loudspeaker script aloud into a sound file next to the script (Composition's `LoudspeakerAudio`:
/// Vietnamese text normalised, espeak-ng, lame). Returns the file's name and how long it plays, measured from the audio.
package protocol ScriptAudio: Sendable {
    func render(_ script: String, village: String?, title: String) throws -> (file: String, seconds: Int)
}
